namespace Vigil.Travel; internal static class Placeholder {}

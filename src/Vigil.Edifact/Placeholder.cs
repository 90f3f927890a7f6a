namespace Vigil.Edifact; internal static class Placeholder {}

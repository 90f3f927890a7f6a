namespace Vigil.Travel.Paxlst;

/// <summary>Three-letter tags packed into an integer so a mapper can switch on them without allocating.</summary>
internal static class SegmentTag
{
    public const int BGM = ('B' << 16) | ('G' << 8) | 'M';
    public const int RFF = ('R' << 16) | ('F' << 8) | 'F';
    public const int DTM = ('D' << 16) | ('T' << 8) | 'M';
    public const int NAD = ('N' << 16) | ('A' << 8) | 'D';
    public const int COM = ('C' << 16) | ('O' << 8) | 'M';
    public const int TDT = ('T' << 16) | ('D' << 8) | 'T';
    public const int LOC = ('L' << 16) | ('O' << 8) | 'C';
    public const int ATT = ('A' << 16) | ('T' << 8) | 'T';
    public const int GEI = ('G' << 16) | ('E' << 8) | 'I';
    public const int FTX = ('F' << 16) | ('T' << 8) | 'X';
    public const int MEA = ('M' << 16) | ('E' << 8) | 'A';
    public const int NAT = ('N' << 16) | ('A' << 8) | 'T';
    public const int EMP = ('E' << 16) | ('M' << 8) | 'P';
    public const int DOC = ('D' << 16) | ('O' << 8) | 'C';
    public const int QTY = ('Q' << 16) | ('T' << 8) | 'Y';
    public const int CNT = ('C' << 16) | ('N' << 8) | 'T';

    public static int Of(ReadOnlySpan<byte> tag) => tag.Length == 3 ? (tag[0] << 16) | (tag[1] << 8) | tag[2] : -1;
}

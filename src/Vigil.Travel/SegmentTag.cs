namespace Vigil.Travel;

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
    public const int MSG = ('M' << 16) | ('S' << 8) | 'G';
    public const int ORG = ('O' << 16) | ('R' << 8) | 'G';
    public const int TVL = ('T' << 16) | ('V' << 8) | 'L';
    public const int EQN = ('E' << 16) | ('Q' << 8) | 'N';
    public const int SRC = ('S' << 16) | ('R' << 8) | 'C';
    public const int RCI = ('R' << 16) | ('C' << 8) | 'I';
    public const int SSR = ('S' << 16) | ('S' << 8) | 'R';
    public const int DAT = ('D' << 16) | ('A' << 8) | 'T';
    public const int IFT = ('I' << 16) | ('F' << 8) | 'T';
    public const int ADD = ('A' << 16) | ('D' << 8) | 'D';
    public const int EBD = ('E' << 16) | ('B' << 8) | 'D';
    public const int TIF = ('T' << 16) | ('I' << 8) | 'F';
    public const int FTI = ('F' << 16) | ('T' << 8) | 'I';
    public const int REF = ('R' << 16) | ('E' << 8) | 'F';
    public const int FAR = ('F' << 16) | ('A' << 8) | 'R';
    public const int TKT = ('T' << 16) | ('K' << 8) | 'T';
    public const int MON = ('M' << 16) | ('O' << 8) | 'N';
    public const int PTK = ('P' << 16) | ('T' << 8) | 'K';
    public const int TXD = ('T' << 16) | ('X' << 8) | 'D';
    public const int FOP = ('F' << 16) | ('O' << 8) | 'P';
    public const int TRA = ('T' << 16) | ('R' << 8) | 'A';
    public const int RPI = ('R' << 16) | ('P' << 8) | 'I';
    public const int APD = ('A' << 16) | ('P' << 8) | 'D';
    public const int TRI = ('T' << 16) | ('R' << 8) | 'I';
    public const int SSD = ('S' << 16) | ('S' << 8) | 'D';
    public const int TBD = ('T' << 16) | ('B' << 8) | 'D';
    public const int ABI = ('A' << 16) | ('B' << 8) | 'I';
    public const int SAC = ('S' << 16) | ('A' << 8) | 'C';
    public const int LTS = ('L' << 16) | ('T' << 8) | 'S';
    public const int UNT = ('U' << 16) | ('N' << 8) | 'T';

    public static int Of(ReadOnlySpan<byte> tag) => tag.Length == 3 ? (tag[0] << 16) | (tag[1] << 8) | tag[2] : -1;
}

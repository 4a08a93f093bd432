// Line_Break class indices used by the generated table (data.generated.ts).
// The order MUST match CLASS_NAMES in scripts/gen-linebreak-data.mjs; a unit test checks it.
// Classes are already resolved per UAX #14 LB1 (AI/SG/XX -> AL, SA -> CM/AL, CJ -> NS).
// QU is split by General_Category: QU_PI (Pi), QU_PF (Pf), QU (other).
export const BK = 0, CR = 1, LF = 2, NL = 3, SP = 4, ZW = 5, WJ = 6, GL = 7, CM = 8, ZWJ = 9;
export const OP = 10, CL = 11, CP = 12, QU = 13, QU_PI = 14, QU_PF = 15, EX = 16, IS = 17, SY = 18, NS = 19;
export const IN = 20, BA = 21, BB = 22, B2 = 23, HY = 24, CB = 25, PR = 26, PO = 27, NU = 28, AL = 29;
export const HL = 30, ID = 31, EB = 32, EM = 33, H2 = 34, H3 = 35, JL = 36, JV = 37, JT = 38, RI = 39;
export const AK = 40, AP = 41, AS = 42, VF = 43, VI = 44;
export const CLASS_COUNT = 45;

/** Class names in index order, as returned by lineBreakClass() (QU_PI/QU_PF are reported as 'QU'). */
export const CLASS_ORDER: readonly string[] = [
  'BK', 'CR', 'LF', 'NL', 'SP', 'ZW', 'WJ', 'GL', 'CM', 'ZWJ',
  'OP', 'CL', 'CP', 'QU', 'QU_PI', 'QU_PF', 'EX', 'IS', 'SY', 'NS',
  'IN', 'BA', 'BB', 'B2', 'HY', 'CB', 'PR', 'PO', 'NU', 'AL',
  'HL', 'ID', 'EB', 'EM', 'H2', 'H3', 'JL', 'JV', 'JT', 'RI',
  'AK', 'AP', 'AS', 'VF', 'VI',
];

/** Bit masks of the property byte. */
export const CLASS_MASK = 0x3f;
export const EA_BIT = 0x40; // East_Asian_Width F, W or H
export const XP_CN_BIT = 0x80; // Extended_Pictographic and unassigned

import { checkPage } from '../../files/print';
import { fontProvider } from '../../fonts/provider';
import { formatReport } from '../../../src-core/preflight';
import { openPage } from '../open-page';
import { commandUsage, parseCommandArgs } from '../command-table';

const USAGE = commandUsage('preflight');

/** `preflight PAGE.banmian`: prints the preflight report; exit 0 when there are no errors, 4 when there are. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('preflight', args);
  if (!parsed) return 2;
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length) {
    console.error(USAGE);
    return 2;
  }
  const bleed = parsed.values.bleed === undefined ? undefined : Number(parsed.values.bleed);
  if (bleed !== undefined && !(bleed >= 0 && bleed <= 25)) {
    console.error(`出血值无效：${parsed.values.bleed}（0–25 mm）/ Invalid bleed: ${parsed.values.bleed} (0–25 mm)`);
    return 2;
  }
  const loaded = openPage(file);
  if (!loaded) return 1;
  const { report } = checkPage(loaded.document, fontProvider().registry(), bleed);
  if (parsed.values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(file);
    for (const line of formatReport(report)) console.log(`  ${line}`);
    console.log(`  印前检查 preflight: ${report.errors.length} 个错误 errors, ${report.warnings.length} 个警告 warnings`);
  }
  return report.errors.length ? 4 : 0;
}

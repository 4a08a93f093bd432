/**
 * What one error counts in the 差错率, per 《图书编校质量差错判定和计算方法》 (the annex of
 * 《图书质量管理规定》, 新闻出版总署令第 26 号, 2004), whose 差错 counting newspapers follow
 * (《报纸期刊质量管理规定》, 2020: 编校差错率不超过万分之三为合格). Only error-level findings count;
 * a warning asks the proofreader to confirm and counts nothing until confirmed. Declared here, apart
 * from checks.ts (which re-exports it), so the rule modules it runs take their weights from it too.
 */
export const ERROR_WEIGHTS = {
  /** 一般性错字、别字、多字、漏字、倒字：每处计 1 个差错 */
  character: 1,
  /** 标点符号的一般错用、漏用、多用，破折号误为一字线、半字线：每处计 0.1 个差错 */
  punctuation: 0.1,
  /** 字母与其他符号混用（全角字母、数字）：每处计 0.5 个差错 */
  letterForm: 0.5,
  /** 数字用法不符合 GB/T 15835：每处计 0.1 个差错 */
  numberUsage: 0.1,
  /** A finding that is not an error of its own (a note, a please-confirm) */
  none: 0,
} as const;

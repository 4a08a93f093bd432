import { fitLabel, type ArticleFit } from '../../src-core/copyfit';

/** An article's fit as a badge (+N 行 red, −N 行 blue, ±0 green), as the canvas marker shows it. */
export function FitBadge({ fit, testId }: { fit: ArticleFit; testId: string }) {
  const kind = fit.over ? 'fit-over' : fit.under ? 'fit-under' : 'fit-exact';
  const title = fit.over ? `溢 ${fit.over} 行 · ${fit.over} lines over` : fit.under ? `空 ${fit.under} 行 · ${fit.under} lines under` : '正好 · Fits its block';
  return (
    <span className={`badge badge-fit ${kind}`} data-testid={testId} data-fit={fitLabel(fit)} title={title}>
      {fitLabel(fit)}
    </span>
  );
}

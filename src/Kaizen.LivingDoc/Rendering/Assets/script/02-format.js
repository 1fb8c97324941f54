// Duration and number formatting.
function fmtMs(ms) {
  if (ms == null) return '';
  if (ms < 1) return '<1 ms';
  if (ms < 1000) return Math.round(ms) + ' ms';
  if (ms < 60000) return (ms / 1000).toFixed(ms < 10000 ? 2 : 1) + ' s';
  const m = Math.floor(ms / 60000), s = Math.round((ms % 60000) / 1000);
  return m + ' min ' + s + ' s';
}
const fmtInt = n => Number(n || 0).toLocaleString('en-US');
const fmtCost = c => c == null ? '' : '$' + (c < 0.01 ? Number(c).toFixed(4) : Number(c).toFixed(2));
const llmText = u => u ? fmtInt(u.inputTokens) + ' in / ' + fmtInt(u.outputTokens) + ' out tokens' + (u.costUsd != null ? ' · ' + fmtCost(u.costUsd) : '') : '';

// Stakeholder review: marks, the diff of a changed scenario against its reviewed text, gone sign-offs, filter chips.
const REVIEW = D.review || null;
const REVIEW_FILTERS = ['needs', 'changed', 'new', 'reviewed', 'gone'];
const REVIEW_TEXT = { needs: 'Needs review', changed: 'Changed', new: 'New', reviewed: 'Reviewed', gone: 'Gone' };
const REVIEW_TITLE = {
  reviewed: r => 'Reviewed by ' + r.by + ' on ' + r.on,
  changed: r => 'Changed since ' + r.by + ' reviewed it on ' + r.on,
  new: () => 'New: never reviewed',
};
const needsReview = c => !!c.review && (c.review.state === 'changed' || c.review.state === 'new');
function reviewMatches(c) {
  if (!REVIEW || !state.rv.length) return true;
  return state.rv.some(f => f === 'needs' ? needsReview(c) : !!c.review && c.review.state === f);
}
const showGone = () => !!REVIEW && REVIEW.gone.length > 0 && !state.q && (!state.rv.length || state.rv.includes('needs') || state.rv.includes('gone'));
function reviewCounts(cases) {
  const n = { needs: 0, changed: 0, new: 0, reviewed: 0, gone: REVIEW ? REVIEW.gone.length : 0 };
  for (const c of cases) if (c.review) { n[c.review.state]++; if (needsReview(c)) n.needs++; }
  return n;
}
function reviewMarkHtml(c) {
  const r = c.review; if (!r) return '';
  const label = r.state === 'reviewed' ? '✓ reviewed' : r.state === 'changed' ? 'changed since review' : 'new';
  return '<span class="review review-' + r.state + '" title="' + esc(REVIEW_TITLE[r.state](r)) + '">' + label + '</span>';
}
function reviewBodyHtml(c) {
  const r = c.review; if (!r) return '';
  const head = '<div class="history-row review-row">' + esc(REVIEW_TITLE[r.state](r)) + (c.outline ? ' · signed as one outline with all its examples: ' + esc(r.scenario) : '') + '</div>';
  return head + (r.diff ? diffHtml(r.diff) : '');
}
function diffHtml(lines) {
  const part = p => p.op === 'same' ? esc(p.text) : '<' + p.op + '>' + esc(p.text) + '</' + p.op + '>';
  return '<div class="review-diff" aria-label="Changes since review"><div class="diff-title">Changes since review (reviewed text → current text)</div>' +
    lines.map(l => '<div class="diff-line diff-' + l.op + '">' + (l.parts.map(part).join('') || '&nbsp;') + '</div>').join('') + '</div>';
}
function goneHtml() {
  if (!showGone()) return '';
  const gone = REVIEW.gone.filter(g => !state.f || (state.f.endsWith('/') ? g.feature.startsWith(state.f) : g.feature === state.f));
  if (!gone.length) return '';
  return '<section class="gone-reviews" id="gone-reviews"><h3>Gone since review: ' + gone.length + ' signed-off scenario' + (gone.length === 1 ? '' : 's') + ' no longer in the feature files</h3>' +
    gone.map(g => '<details class="gone"><summary><span class="review review-gone">gone</span> <span class="path">' + esc(g.feature) + '</span> › <strong>' + esc(g.scenario) + '</strong>' +
      ' <span class="kw">signed by ' + esc(g.by) + ' on ' + esc(g.on) + '</span></summary><pre class="docstring">' + esc(g.text.join('\n')) + '</pre></details>').join('') + '</section>';
}
function featureReviewHtml(cases) {
  if (!REVIEW) return '';
  const n = reviewCounts(cases);
  const parts = ['reviewed', 'changed', 'new'].filter(s => n[s]).map(s => '<span class="review review-' + s + '">' + n[s] + ' ' + s + '</span>');
  return parts.length ? '<div class="feature-review">' + parts.join(' ') + '</div>' : '';
}
function renderReviewChips(base) {
  const box = $('#review-filters');
  if (!REVIEW) { box.innerHTML = ''; return; }
  const n = reviewCounts(base);
  box.innerHTML = REVIEW_FILTERS.map(f => '<button class="chip' + (state.rv.includes(f) ? ' on' : '') + (n[f] ? '' : ' zero') + '" data-review="' + f + '" aria-pressed="' + state.rv.includes(f) + '">' +
    '<span class="review review-' + (f === 'needs' ? 'changed' : f) + '">' + REVIEW_TEXT[f] + '</span><span class="n">' + n[f] + '</span></button>').join('');
}
function reviewMetaHtml() {
  if (!REVIEW) return '';
  const n = reviewCounts(D.cases);
  return '<span class="review-meta" id="review-meta">Review (' + esc(REVIEW.file) + '): ' + ['reviewed', 'changed', 'new', 'gone'].map(s =>
    '<span class="review review-pill review-' + s + '" data-count="' + n[s] + '">' + n[s] + ' ' + s + '</span>').join('') + '</span>';
}

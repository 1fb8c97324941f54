// Filtering.
let tagFilter = null;
function compileTags() {
  const input = $('#tag-expression'), err = $('#tag-error');
  try { tagFilter = parseTagExpression(state.tags); input.classList.remove('invalid'); err.textContent = ''; }
  catch (e) { tagFilter = null; input.classList.add('invalid'); err.textContent = 'Tag expression: ' + e.message; }
}
const inFeature = c => !state.f || (state.f.endsWith('/') ? c.featureId.startsWith(state.f) : c.featureId === state.f);
function matches(c, opts) {
  opts = opts || {};
  if (!opts.ignoreFeature && !inFeature(c)) return false;
  if (state.q) { for (const word of state.q.toLowerCase().split(/\s+/).filter(Boolean)) if (!c._text.includes(word)) return false; }
  if (tagFilter && !tagFilter(c._tags)) return false;
  if (!opts.ignoreStatus && state.st.length && !state.st.includes(c.status)) return false;
  if (!opts.ignoreLabels && state.lb.length && !state.lb.some(l => c.labels.includes(l))) return false;
  if (!opts.ignoreReview && !reviewMatches(c)) return false;
  return true;
}
const visibleCases = () => D.cases.filter(c => matches(c));

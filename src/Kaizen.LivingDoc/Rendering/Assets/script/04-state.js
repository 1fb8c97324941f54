// State in the URL hash (deep links keep filters).
const state = { view: 'features', q: '', tags: '', st: [], lb: [], rv: [], f: '', open: '', print: false };
function readHash() {
  const p = new URLSearchParams(location.hash.replace(/^#/, ''));
  state.view = p.get('view') || 'features';
  state.q = p.get('q') || '';
  state.tags = p.get('tags') || '';
  state.st = (p.get('status') || '').split(',').filter(s => STATUSES.includes(s));
  state.lb = (p.get('label') || '').split(',').filter(s => LABELS.includes(s));
  state.rv = (p.get('review') || '').split(',').filter(s => REVIEW_FILTERS.includes(s));
  state.print = p.get('print') === '1';
  state.f = p.get('feature') || '';
  state.open = p.get('open') || '';
}
function writeHash() {
  const p = new URLSearchParams();
  if (state.view !== 'features') p.set('view', state.view);
  if (state.q) p.set('q', state.q);
  if (state.tags) p.set('tags', state.tags);
  if (state.st.length) p.set('status', state.st.join(','));
  if (state.lb.length) p.set('label', state.lb.join(','));
  if (state.rv.length) p.set('review', state.rv.join(','));
  if (state.f) p.set('feature', state.f);
  if (state.open) p.set('open', state.open);
  if (state.print) p.set('print', '1');
  const hash = p.toString();
  history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
}

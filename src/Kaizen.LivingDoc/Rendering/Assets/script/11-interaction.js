// Interaction.
function toggleCase(article, forceOpen) {
  const body = article.querySelector('.case-body'), c = caseById.get(article.dataset.case);
  const open = forceOpen != null ? forceOpen : body.hidden;
  if (open && !body.innerHTML) body.innerHTML = caseBodyHtml(c);
  body.hidden = !open;
  article.classList.toggle('open', open);
  article.querySelector('.case-head').setAttribute('aria-expanded', open);
  return open;
}
document.addEventListener('click', e => {
  const t = e.target;
  const tab = t.closest('[data-view]');
  if (tab) { e.preventDefault(); state.view = tab.dataset.view; state.open = ''; render(); window.scrollTo(0, 0); return; }
  const st = t.closest('[data-status]');
  if (st) { const s = st.dataset.status; state.st = state.st.includes(s) ? state.st.filter(x => x !== s) : [...state.st, s]; render(); return; }
  const rv = t.closest('[data-review]');
  if (rv) { const f = rv.dataset.review; state.rv = state.rv.includes(f) ? state.rv.filter(x => x !== f) : [...state.rv, f]; render(); return; }
  const lb = t.closest('[data-label]');
  if (lb) { const l = lb.dataset.label; state.lb = state.lb.includes(l) ? state.lb.filter(x => x !== l) : [...state.lb, l]; render(); return; }
  const tag = t.closest('.tag[data-tag]');
  if (tag) { e.preventDefault(); e.stopPropagation(); state.tags = tag.dataset.tag; $('#tag-expression').value = state.tags; if (state.view === 'steps') state.view = 'features'; render(); return; }
  if (t.closest('.tag.linked')) { e.stopPropagation(); return; }
  const fe = t.closest('[data-feature]');
  if (fe) { e.preventDefault(); state.f = state.f === fe.dataset.feature && fe.tagName === 'SUMMARY' ? '' : fe.dataset.feature; if (state.view === 'steps') state.view = 'features'; state.open = ''; render(); window.scrollTo(0, 0); return; }
  if (t.id === 'all-features') { e.preventDefault(); state.f = ''; render(); return; }
  const go = t.closest('[data-goto]');
  if (go) { e.preventDefault(); state.view = 'features'; state.open = go.dataset.goto; render(); return; }
  const link = t.closest('[data-link]');
  if (link) { e.preventDefault(); state.open = link.dataset.link; writeHash(); navigator.clipboard && navigator.clipboard.writeText(location.href).catch(() => {}); return; }
  const row = t.closest('tr[data-open]');
  if (row && row.dataset.open) { const a = document.querySelector('[data-case="' + CSS.escape(row.dataset.open) + '"]'); if (a) { toggleCase(a, true); state.open = row.dataset.open; writeHash(); a.scrollIntoView({ block: 'nearest' }); } return; }
  if (t.id === 'expand-all' || t.id === 'collapse-all') { document.querySelectorAll('.case').forEach(a => toggleCase(a, t.id === 'expand-all')); return; }
  if (t.id === 'print') { window.print(); return; }
  const head = t.closest('.case-head');
  if (head && !t.closest('a')) { const a = head.parentElement; const open = toggleCase(a); state.open = open ? a.dataset.case : ''; writeHash(); }
});
document.addEventListener('keydown', e => {
  if ((e.key === 'Enter' || e.key === ' ') && e.target.classList && e.target.classList.contains('case-head')) { e.preventDefault(); e.target.click(); }
});
let timer = 0;
$('#search').addEventListener('input', e => { clearTimeout(timer); timer = setTimeout(() => { state.q = e.target.value.trim(); render(); }, 120); });
$('#tag-expression').addEventListener('input', e => { clearTimeout(timer); timer = setTimeout(() => { state.tags = e.target.value.trim(); render(); }, 120); });
window.addEventListener('hashchange', () => { readHash(); syncInputs(); render(); });
// Printing shows every scenario expanded (beforeprint for the print dialog, the media query for print emulation).
const expandForPrint = () => document.querySelectorAll('.case').forEach(a => toggleCase(a, true));
window.addEventListener('beforeprint', expandForPrint);
window.matchMedia('print').addEventListener('change', e => { if (e.matches) expandForPrint(); });
function syncInputs() { $('#search').value = state.q; $('#tag-expression').value = state.tags; }

readHash();
syncInputs();
render();
// print=1 (the pdf command's URL): every scenario expanded before Chromium prints.
if (state.print) expandForPrint();
document.body.dataset.ready = 'true';

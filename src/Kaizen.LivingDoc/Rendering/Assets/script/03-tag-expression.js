// Tag expressions (Cucumber syntax: not, and, or, parentheses; backslash escapes).
function tokenize(src) {
  const out = []; let cur = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') { cur += src[++i] || ''; continue; }
    if (ch === '(' || ch === ')') { if (cur) { out.push(cur); cur = ''; } out.push(ch); continue; }
    if (/\s/.test(ch)) { if (cur) { out.push(cur); cur = ''; } continue; }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}
function parseTagExpression(src) {
  const t = tokenize(src); let i = 0;
  if (!t.length) return null;
  const peek = () => t[i], next = () => t[i++];
  function or() { let l = and(); while (peek() === 'or') { next(); const a = l, r = and(); l = x => a(x) || r(x); } return l; }
  function and() { let l = not(); while (peek() === 'and') { next(); const a = l, r = not(); l = x => a(x) && r(x); } return l; }
  function not() {
    const tok = next();
    if (tok === undefined) throw new Error('the expression ends too early');
    if (tok === 'not') { const e = not(); return x => !e(x); }
    if (tok === '(') { const e = or(); if (next() !== ')') throw new Error('a "(" is not closed'); return e; }
    if (tok === ')' || tok === 'and' || tok === 'or') throw new Error('unexpected "' + tok + '"');
    const name = (tok[0] === '@' ? tok : '@' + tok).toLowerCase();
    return x => x.has(name);
  }
  const e = or();
  if (i < t.length) throw new Error('unexpected "' + t[i] + '"');
  return e;
}
window.kaizenTagExpression = parseTagExpression;

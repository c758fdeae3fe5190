// The search page: reads its state from the address (so every view can be bookmarked), asks the
// JSON API, and builds the page with DOM calls only (text is never parsed as HTML).
'use strict';
(() => {
  const url = new URLSearchParams(location.search);
  const $ = (id) => document.getElementById(id);
  const PAGE_SIZE = 20;
  /** The address parameters that make a search; everything else is a view (article, story). */
  const SEARCH_KEYS = ['q', 'source', 'entity', 'type', 'since', 'until', 'sort', 'after', 'limit', 'all_copies', 'syntax'];

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v; else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  /** The current search's parameters, changed: {name: value} sets, {name: null} removes, {name: [..]} replaces all. */
  function searchWith(changes) {
    const p = new URLSearchParams();
    for (const k of SEARCH_KEYS) url.getAll(k).forEach((v) => p.append(k, v));
    p.delete('after'); // a new filter starts at the first page
    for (const [k, v] of Object.entries(changes)) {
      p.delete(k);
      if (Array.isArray(v)) v.forEach((x) => p.append(k, x));
      else if (v !== null) p.set(k, v);
    }
    return '/?' + p.toString();
  }

  function withAdded(name, value) {
    const values = url.getAll(name);
    return values.includes(value) ? searchWith({}) : searchWith({ [name]: [...values, value] });
  }

  function withRemoved(name, value) {
    return searchWith({ [name]: url.getAll(name).filter((v) => v !== value) });
  }

  /** Text with the [start, end) spans wrapped in mark elements. */
  function marked(text, spans) {
    const out = [];
    let at = 0;
    for (const [s, e] of [...(spans || [])].sort((a, b) => a[0] - b[0])) {
      if (s < at || e > text.length) continue;
      if (s > at) out.push(text.slice(at, s));
      out.push(el('mark', {}, text.slice(s, e)));
      at = e;
    }
    out.push(text.slice(at));
    return out;
  }

  function day(iso) {
    return iso ? iso.slice(0, 10) : '';
  }

  async function api(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json' } });
    let body;
    try {
      body = await r.json();
    } catch (e) {
      throw new Error('the server answered ' + r.status + ' without JSON');
    }
    if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
    return body;
  }

  function status(text) {
    $('status').textContent = text;
  }

  function showError(e) {
    $('results').replaceChildren(el('p', { class: 'error', role: 'alert' }, e.message));
    status('');
  }

  /** Fills the form from the address, and keeps the active filters as hidden fields of the form. */
  function fillForm() {
    $('q').value = url.get('q') || '';
    for (const k of ['since', 'until']) {
      const v = url.get(k) || '';
      $(k).value = /^\d{4}-\d{2}$/.test(v) ? v + '-01' : (/^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
    }
    $('sort').value = url.get('sort') || '';
    const hidden = [];
    for (const k of ['source', 'entity', 'type', 'all_copies', 'syntax']) {
      url.getAll(k).forEach((v) => hidden.push(el('input', { type: 'hidden', name: k, value: v })));
    }
    $('hidden-filters').replaceChildren(...hidden);
  }

  function activeFilters() {
    const chips = [];
    for (const k of ['source', 'entity', 'type']) {
      for (const v of url.getAll(k)) {
        chips.push(el('a', { class: 'chip active', href: withRemoved(k, v), title: 'Remove this filter' }, k + ': ' + v + ' ×'));
      }
    }
    for (const k of ['since', 'until']) {
      const v = url.get(k);
      if (v) chips.push(el('a', { class: 'chip active', href: searchWith({ [k]: null }), title: 'Remove this filter' },
        (k === 'since' ? 'from ' : 'before ') + v + ' ×'));
    }
    $('filters').replaceChildren(...chips);
  }

  function hitView(h) {
    const entities = (h.entities || []).slice(0, 8).map((e) =>
      el('a', { class: 'chip', href: withAdded('entity', e.name), title: 'Only articles naming ' + e.name },
        e.name, el('span', { class: 'type' }, e.type)));
    const also = h.also_reported_by && h.also_reported_by.length
      ? el('div', { class: 'also' }, 'Also reported by ', h.also_reported_by.join(', '), ' — ',
        el('a', { href: '/?story=' + encodeURIComponent(h.id) }, 'see the story'))
      : null;
    return el('article', { class: 'hit' },
      el('h2', {}, el('a', { href: '/?article=' + encodeURIComponent(h.id) }, marked(h.headline || '(no headline)', h.headline_matches))),
      el('div', { class: 'meta' }, [h.source || 'no source', day(h.published)].filter(Boolean).join(' · ')),
      h.snippet ? el('p', { class: 'snippet' }, marked(h.snippet, h.snippet_matches)) : null,
      entities.length ? el('div', { class: 'chips' }, entities) : null,
      also);
  }

  function nextMonth(month) {
    const [y, m] = month.split('-').map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }

  function facetView(facets) {
    const parts = [];
    const list = (title, values, href) => {
      if (!values || !values.length) return;
      parts.push(el('h3', {}, title), el('ul', {}, values.slice(0, 12).map((v) =>
        el('li', {}, el('a', { href: href(v.value) }, el('span', {}, v.value), el('span', { class: 'count' }, v.count))))));
    };
    list('Source', facets.source, (v) => withAdded('source', v));
    list('Entity', facets.entity, (v) => withAdded('entity', v));
    list('Month', facets.month, (v) => searchWith({ since: v, until: nextMonth(v) }));
    if (!parts.length) {
      $('facets').replaceChildren();
      return;
    }
    // On a phone the lists fold away below the hits; on a wide screen they stand open beside them.
    const wide = window.matchMedia('(min-width: 761px)').matches;
    $('facets').replaceChildren(el('details', { class: 'refine', open: wide }, el('summary', {}, 'Refine by source, entity, month'), parts));
  }

  async function search() {
    const p = new URLSearchParams();
    for (const k of SEARCH_KEYS) url.getAll(k).forEach((v) => p.append(k, v));
    if (!p.has('limit')) p.set('limit', PAGE_SIZE);
    p.set('facets', 'true');
    status('Searching…');
    const r = await api('/api/search?' + p.toString());
    const shown = r.hits.length;
    const n = (count, one, many) => `${count} ${count === 1 ? one : many}`;
    const what = r.articles !== null && r.articles !== r.total
      ? `${n(r.total, 'story', 'stories')} (${n(r.articles, 'article', 'articles')})` : n(r.total, 'article', 'articles');
    status(shown ? `${what}; ${r.offset + 1}–${r.offset + shown}` : 'Nothing found.');
    const out = [];
    if (r.did_you_mean) {
      out.push(el('p', { class: 'note' }, 'Did you mean ', el('a', { href: searchWith({ q: r.did_you_mean }) }, r.did_you_mean), '?'));
    }
    if (r.note) out.push(el('p', { class: 'note' }, r.note));
    r.hits.forEach((h) => out.push(hitView(h)));
    const pager = [];
    if (url.get('after')) pager.push(el('a', { href: searchWith({}) }, 'First page'), ' ');
    if (r.next) pager.push(el('a', { class: 'button', rel: 'next', href: searchWith({ after: r.next }) }, 'Next page'));
    if (pager.length) out.push(el('nav', { class: 'pager', 'aria-label': 'Pages' }, pager));
    $('results').replaceChildren(...out);
    facetView(r.facets || {});
  }

  function backLink() {
    return el('p', {}, el('a', { href: document.referrer && new URL(document.referrer).origin === location.origin ? document.referrer : '/' }, '← Back'));
  }

  async function showArticle(id) {
    status('');
    const a = await api('/api/articles/' + encodeURIComponent(id));
    document.title = (a.headline || id) + ' — Lede';
    const paragraphs = (a.body || '').split(/\n\s*\n|\n/).filter((s) => s.trim()).map((s) => el('p', {}, s));
    const entities = (a.entities || []).map((e) =>
      el('a', { class: 'chip', href: '/?entity=' + encodeURIComponent(e.name) }, e.name, el('span', { class: 'type' }, e.type)));
    const view = el('article', { class: 'full' },
      el('h1', {}, a.headline || '(no headline)'),
      el('div', { class: 'meta' }, [a.source, day(a.published), (a.authors || []).join(', ')].filter(Boolean).join(' · '),
        a.url ? [' · ', el('a', { href: a.url, rel: 'noopener noreferrer' }, 'original')] : null),
      entities.length ? el('div', { class: 'chips' }, entities) : null,
      a.lead ? el('p', { class: 'lead' }, a.lead) : null,
      el('div', { class: 'body' }, paragraphs),
      el('p', {}, el('a', { href: '/?story=' + encodeURIComponent(a.id) }, 'Every copy of this story')));
    $('results').replaceChildren(backLink(), view);
    try {
      const similar = await api('/api/similar/' + encodeURIComponent(id) + '?limit=5');
      if (similar.hits.length) {
        $('facets').replaceChildren(el('h3', {}, 'Related'), el('ul', { class: 'related' }, similar.hits.map((h) =>
          el('li', {}, el('a', { href: '/?article=' + encodeURIComponent(h.id) }, el('span', {}, h.headline),
            el('span', { class: 'count' }, [h.source, day(h.published)].filter(Boolean).join(' · ')))))));
      }
    } catch (e) {
      // related articles are extra: the article stands without them
    }
  }

  async function showStory(id) {
    status('');
    const s = await api('/api/stories/' + encodeURIComponent(id));
    const rows = s.members.map((m, i) => el('tr', {},
      el('td', {}, day(m.published)),
      el('td', {}, m.source || '—'),
      el('td', {}, el('a', { href: '/?article=' + encodeURIComponent(m.id) }, m.headline || m.id)),
      el('td', {}, i === 0 ? 'earliest' : (m.exact_duplicate ? 'exact copy' : `+${m.words_added} −${m.words_removed} words`))));
    $('results').replaceChildren(backLink(),
      el('h1', {}, `${s.members.length} ${s.members.length === 1 ? 'article' : 'copies'} of one story`),
      el('table', { class: 'story' }, el('thead', {}, el('tr', {}, el('th', {}, 'Date'), el('th', {}, 'Source'), el('th', {}, 'Headline'), el('th', {}, 'Difference'))),
        el('tbody', {}, rows)));
  }

  async function home() {
    const s = await api('/api/stats');
    status(`${s.articles} articles from ${s.sources} sources` + (s.oldest ? `, ${day(s.oldest)} to ${day(s.newest)}` : '') + '.');
    const r = await api('/api/search?facets=true&limit=1');
    facetView(r.facets || {});
    $('results').replaceChildren(el('p', {}, 'Type words to search, or pick a source, an entity or a month.'));
  }

  document.addEventListener('keydown', (e) => {
    const typing = ['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName);
    if (e.key === '/' && !typing) {
      e.preventDefault();
      $('q').focus();
      $('q').select();
    }
  });

  // Empty fields would reach the API as empty values (an error there): leave them out of the address.
  $('search').addEventListener('submit', () => {
    for (const input of $('search').querySelectorAll('input, select')) {
      if (!input.value) input.disabled = true;
    }
  });

  fillForm();
  activeFilters();
  const view = url.get('article') ? showArticle(url.get('article'))
    : url.get('story') ? showStory(url.get('story'))
      : SEARCH_KEYS.some((k) => url.has(k)) ? search()
        : home();
  view.catch(showError);
})();

// The console's core: API calls (with the CSRF token), the event stream, the connection banner and the page router.
// Pages are in pages.js. No protocol here: every XMPP request is made by the console's Java side through the SDK.
'use strict';
const App = (() => {
  let csrf = null;
  const listeners = {};

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  async function session() {
    if (!csrf) {
      const r = await fetch('/api/session', { credentials: 'same-origin' });
      if (!r.ok) throw new Error('the console refused this page (' + r.status + '): open the printed link again');
      csrf = (await r.json()).csrf;
    }
    return csrf;
  }

  async function call(method, path, body) {
    const headers = {};
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      headers['X-CSRF-Token'] = await session();
    }
    const r = await fetch(path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    let data = null;
    try { data = await r.json(); } catch (e) { data = { error: 'HTTP ' + r.status }; }
    if (!r.ok) {
      const err = new Error(data && data.error ? data.error : 'HTTP ' + r.status);
      err.field = data && data.field;
      err.status = r.status;
      throw err;
    }
    return data;
  }
  const get = (path, params) => call('GET', path + (params ? '?' + new URLSearchParams(params) : ''));
  const post = (path, body) => call('POST', path, body);

  function on(name, fn) { (listeners[name] = listeners[name] || []).push(fn); }
  function off(name, fn) { listeners[name] = (listeners[name] || []).filter(f => f !== fn); }

  function stream() {
    const es = new EventSource('/api/events');
    for (const name of ['values', 'connection', 'presence']) {
      es.addEventListener(name, ev => {
        const data = JSON.parse(ev.data);
        (listeners[name] || []).forEach(fn => fn(data));
      });
    }
    es.onerror = () => {
      if (es.readyState === EventSource.CLOSED) setTimeout(stream, 3000);
    };
  }

  function showConnection(c) {
    const b = document.getElementById('connection');
    const labels = { online: 'online', offline: 'offline', reconnecting: 'reconnecting…', back: 'back online',
      'gave-up': 'gave up reconnecting' };
    b.className = 'conn ' + c.state;
    b.dataset.state = c.state;
    b.dataset.seen = (b.dataset.seen ? b.dataset.seen + ',' : '') + c.state;
    b.textContent = labels[c.state] || c.state;
    b.title = c.text || '';
  }

  const pages = {};
  let leave = null;
  function route() {
    const [, name, ...rest] = (location.hash || '#/devices').split('/');
    const arg = rest.length ? decodeURIComponent(rest.join('/')) : null;
    document.querySelectorAll('header nav a').forEach(a =>
      a.classList.toggle('active', a.id === 'nav-' + (name === 'device' ? 'devices' : name)));
    if (leave) { leave(); leave = null; }
    const main = document.getElementById('page');
    main.replaceChildren();
    const page = pages[name] || pages.devices;
    Promise.resolve(page(main, arg)).then(l => { leave = typeof l === 'function' ? l : null; })
      .catch(e => main.append(el('p', { class: 'failure', text: e.message })));
  }

  function start() {
    on('connection', showConnection);
    stream();
    get('/api/me').then(m => { document.getElementById('me').textContent = m.jid; }).catch(() => {});
    window.addEventListener('hashchange', route);
    route();
  }
  document.addEventListener('DOMContentLoaded', () => setTimeout(start, 0));

  return { el, get, post, on, off, pages };
})();

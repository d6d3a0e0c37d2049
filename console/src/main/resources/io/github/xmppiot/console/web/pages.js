// Devices and Device pages: contacts with presence and features, live values with a chart per numeric field, and
// the control form of XEP-0325 validated here before it is sent (the console validates again).
'use strict';
(() => {
  const { el, get, post, on, off, pages } = App;
  const enc = encodeURIComponent;

  pages.devices = async main => {
    const msg = el('p', { class: 'note', id: 'devices-msg' });
    const jid = el('input', { id: 'befriend-jid', placeholder: 'thing@example.org', size: 32 });
    const open = el('input', { id: 'open-jid', placeholder: 'thing@example.org or full JID', size: 32 });
    main.append(el('h2', { text: 'Devices' }),
      el('form', { class: 'inline', onsubmit: async ev => {
        ev.preventDefault();
        try {
          const r = await post('/api/befriend', { jid: jid.value });
          msg.textContent = 'asked ' + r.asked + ' for friendship; it appears online once it accepts';
          msg.className = 'note';
          load();
        } catch (e) { msg.textContent = e.message; msg.className = 'error'; }
      } }, el('label', { text: 'Ask for friendship:' }), jid, el('button', { id: 'befriend', text: 'Befriend' })),
      el('form', { class: 'inline', onsubmit: ev => { ev.preventDefault(); location.hash = '#/device/' + enc(open.value); } },
        el('label', { text: 'Open a device by JID:' }), open, el('button', { class: 'secondary', text: 'Open' })),
      msg);
    const table = el('table', { id: 'devices' });
    main.append(table);
    async function load() {
      const list = await get('/api/devices');
      table.replaceChildren(el('tr', {}, ['Contact', 'Friendship', 'Online resources', 'Offers'].map(h => el('th', { text: h }))));
      if (!list.length) table.append(el('tr', {}, el('td', { colspan: 4, class: 'note', text: 'No contacts yet: ask a device for friendship above.' })));
      for (const c of list) {
        const online = c.online.length ? c.online.map(r => el('div', {}, el('a', { href: '#/device/' + enc(r.jid), text: r.jid })))
          : el('span', { class: 'note', text: 'offline' });
        const offers = c.online.flatMap(r => r.features.map(f => f === 'concentrator'
          ? el('a', { class: 'tag', href: '#/hub/' + enc(r.jid), text: f }) : el('span', { class: 'tag', text: f })));
        table.append(el('tr', { 'data-jid': c.jid }, el('td', { text: c.jid }), el('td', { text: c.subscription }),
          el('td', {}, online), el('td', {}, offers)));
      }
    }
    await load();
    const reload = () => load().catch(() => {});
    on('presence', reload);
    return () => off('presence', reload);
  };

  pages.device = async (main, jid) => {
    const status = el('p', { class: 'note', id: 'device-status', text: 'reading…' });
    const values = el('table', { id: 'values' });
    const failures = el('div', { id: 'failures' });
    const charts = el('div', { class: 'charts', id: 'charts' });
    const control = el('div', { class: 'control', id: 'control' });
    const history = el('div', { id: 'history' });
    main.append(el('h2', { text: jid }), status, failures,
      el('div', { class: 'cols' }, el('div', {}, el('h3', { text: 'Values' }), values),
        el('div', {}, el('h3', { text: 'Control' }), control)),
      el('h3', { text: 'Charts (this session)' }), charts,
      el('h3', { text: 'History' }), el('button', { class: 'secondary', id: 'read-history', text: 'Read historical values',
        onclick: () => readHistory(jid, history) }), history);
    const plots = {};
    const show = ev => {
      if (ev.device !== jid) return;
      if (ev.error) {
        status.textContent = 'read-out failed: ' + ev.error;
        status.className = 'error';
        return;
      }
      status.textContent = 'live, updated ' + new Date(ev.time).toLocaleTimeString();
      status.className = 'note';
      renderValues(values, ev.fields);
      failures.replaceChildren(...ev.failures.map(f => el('div', { class: 'failure', text: (f.node ? f.node + ': ' : '') + f.message })));
      for (const f of ev.fields) {
        if (f.number === null || f.number === undefined) continue;
        const key = f.node ? f.node + '/' + f.name : f.name;
        addPoint(plots, charts, key, f.unit, ev.time, f.number);
      }
    };
    on('values', show);
    try {
      const w = await post('/api/watch', { jid });
      for (const [key, points] of Object.entries(w.series)) points.forEach(p => addPoint(plots, charts, key, '', p[0], p[1], true));
      Object.values(plots).forEach(p => p.redraw());
      if (w.last) show(w.last);
    } catch (e) { status.textContent = e.message; status.className = 'error'; }
    const loadControl = () => renderControl(control, jid, null)
      .catch(e => control.replaceChildren(el('p', { class: 'error', id: 'control-error', text: e.message })));
    loadControl();
    // a form that failed while the connection was lost is asked for again once the connection is back
    const back = c => { if (c.state === 'back' && control.querySelector('#control-error')) loadControl(); };
    on('connection', back);
    return () => { off('values', show); off('connection', back); };
  };

  function renderValues(table, fields) {
    const before = {};
    table.querySelectorAll('tr[data-field]').forEach(r => { before[r.dataset.key] = r.querySelector('.value').textContent; });
    table.replaceChildren(el('tr', {}, ['Node', 'Field', 'Value', 'Flags', 'Time'].map(h => el('th', { text: h }))));
    for (const f of fields) {
      const key = f.node + '/' + f.name;
      const text = f.value + (f.unit ? ' ' + f.unit : '');
      const flags = f.quality.filter(q => q !== 'AUTOMATIC_READOUT').map(q => el('span', { class: 'flag', text: q.toLowerCase() }))
        .concat(f.categories.filter(c => c !== 'momentary').map(c => el('span', { class: 'tag', text: c })));
      table.append(el('tr', { 'data-field': f.name, 'data-key': key }, el('td', { text: f.node }), el('td', { text: f.name }),
        el('td', { class: 'value' + (key in before && before[key] !== text ? ' changed' : ''), text }),
        el('td', {}, flags), el('td', { class: 'note', text: f.timestamp })));
    }
  }

  function addPoint(plots, box, key, unit, time, value, quiet) {
    let p = plots[key];
    if (!p) {
      const div = el('div', { class: 'chart', 'data-field': key });
      box.append(div);
      p = plots[key] = { xs: [], ys: [], plot: null, div, unit };
      p.plot = new uPlot({ width: 360, height: 180, title: key + (unit ? ' (' + unit + ')' : ''),
        series: [{}, { label: key, stroke: '#1f6fb2', width: 2 }], axes: [{}, {}] }, [p.xs, p.ys], div);
      p.redraw = () => p.plot.setData([p.xs, p.ys]);
    }
    p.xs.push(time / 1000);
    p.ys.push(value);
    if (p.xs.length > 3600) { p.xs.shift(); p.ys.shift(); }
    if (!quiet) p.redraw();
  }

  async function readHistory(jid, box) {
    box.replaceChildren(el('p', { class: 'note', text: 'reading…' }));
    try {
      const r = await get('/api/read', { jid, historical: 'true' });
      const t = el('table', { id: 'history-table' });
      renderValues(t, r.fields);
      box.replaceChildren(r.fields.length ? t : el('p', { class: 'note', text: 'The device returned no historical values.' }),
        ...r.failures.map(f => el('div', { class: 'failure', text: f.message })));
    } catch (e) { box.replaceChildren(el('p', { class: 'error', text: e.message })); }
  }

  // The control form (XEP-0325 getForm): one input per parameter, checked against its type, range and options.
  async function renderControl(box, jid, node) {
    const params = await get('/api/form', node ? { jid, node } : { jid });
    if (!params.length) { box.replaceChildren(el('p', { class: 'note', text: 'This device has no control parameters.' })); return; }
    box.replaceChildren(...params.map(p => controlRow(jid, node, p)));
  }
  App.renderControl = renderControl;

  function controlRow(jid, node, p) {
    const id = (node ? node + '-' : '') + p.name;
    let input;
    if (p.type === 'boolean') {
      input = el('select', { id: 'ctl-' + id }, ['true', 'false'].map(v => el('option', { value: v, text: v, selected: p.current === v })));
    } else if (p.options.length) {
      input = el('select', { id: 'ctl-' + id }, p.options.map(v => el('option', { value: v, text: v, selected: p.current === v })));
    } else {
      const numeric = ['int', 'long', 'double', 'numeric'].includes(p.type);
      input = el('input', { id: 'ctl-' + id, type: numeric ? 'number' : 'text', value: p.current || '',
        min: p.min, max: p.max, step: numeric && (p.type === 'int' || p.type === 'long') ? '1' : (numeric ? 'any' : null) });
    }
    const err = el('span', { class: 'error', id: 'err-' + id });
    const ok = el('span', { class: 'note', id: 'ok-' + id });
    const send = async () => {
      err.textContent = ''; ok.textContent = '';
      const problem = check(p, input.value);
      if (problem) { err.textContent = problem; return; }
      try {
        const r = await post('/api/set', { jid, node, name: p.name, value: input.value });
        ok.textContent = 'set to ' + r.value;
      } catch (e) { err.textContent = e.message; }
    };
    return el('div', { class: 'row' }, el('label', { for: 'ctl-' + id, text: p.label, title: p.description }), input,
      el('button', { id: 'set-' + id, text: 'Set', onclick: send }),
      p.min != null || p.max != null ? el('span', { class: 'note', text: '[' + (p.min ?? '') + '…' + (p.max ?? '') + ']' }) : null,
      err, ok);
  }

  function check(p, v) {
    if (p.options.length && !p.options.includes(v)) return 'choose one of ' + p.options.join(', ');
    if (['int', 'long'].includes(p.type) && !/^[-+]?\d+$/.test(v.trim())) return 'an integer is needed';
    if (['double', 'numeric'].includes(p.type) && (v.trim() === '' || isNaN(Number(v)))) return 'a number is needed';
    if (['int', 'long', 'double', 'numeric'].includes(p.type)) {
      const n = Number(v);
      if (p.min != null && n < Number(p.min)) return 'must be at least ' + p.min;
      if (p.max != null && n > Number(p.max)) return 'must be at most ' + p.max;
    }
    return null;
  }
  App.check = check;
})();

// Hub (XEP-0326 node tree, add/edit/remove/read nodes) and Registry (XEP-0347 search, claim, remove, disown) pages.
'use strict';
(() => {
  const { el, get, post, pages } = App;
  const enc = encodeURIComponent;

  function jidForm(id, placeholder, go) {
    const input = el('input', { id, placeholder, size: 32 });
    return el('form', { class: 'inline', onsubmit: ev => { ev.preventDefault(); go(input.value); } },
      el('label', { for: id, text: 'Hub JID:' }), input, el('button', { text: 'Open' }));
  }

  // Renders data-form fields (from the hub) as inputs; returns a function giving the values, checked first.
  function formFields(box, fields, prefix) {
    const inputs = {};
    box.replaceChildren(...fields.map(f => {
      let input;
      if (f.kind === 'fixed') return el('p', { class: 'note', text: f.value });
      if (f.kind === 'boolean') {
        input = el('select', { id: prefix + f.name }, ['true', 'false'].map(v => el('option', { value: v, text: v,
          selected: (f.value === '1' ? 'true' : f.value === '0' ? 'false' : f.value) === v })));
      } else if (f.options.length) {
        input = el('select', { id: prefix + f.name }, f.options.map(v => el('option', { value: v, text: v, selected: f.value === v })));
      } else {
        const numeric = /(int|long|short|byte|double|decimal|float)$/.test(f.datatype);
        input = el('input', { id: prefix + f.name, value: f.value, type: numeric ? 'number' : 'text', min: f.min, max: f.max,
          step: numeric ? 'any' : null });
      }
      inputs[f.name] = { input, field: f, err: el('span', { class: 'error', id: prefix + 'err-' + f.name }) };
      return el('div', { class: 'row' }, el('label', { for: prefix + f.name, text: f.label + (f.required ? ' *' : '') }),
        input, f.min || f.max ? el('span', { class: 'note', text: '[' + (f.min || '') + '…' + (f.max || '') + ']' }) : null,
        inputs[f.name].err);
    }));
    return {
      values() {
        const values = {};
        let ok = true;
        for (const [name, { input, field, err }] of Object.entries(inputs)) {
          err.textContent = '';
          const v = input.value;
          let problem = null;
          if (field.required && v.trim() === '') problem = 'required';
          else if (v !== '' && /(int|long|short|byte)$/.test(field.datatype) && !/^[-+]?\d+$/.test(v)) problem = 'an integer is needed';
          else if (v !== '' && field.min && Number(v) < Number(field.min)) problem = 'must be at least ' + field.min;
          else if (v !== '' && field.max && Number(v) > Number(field.max)) problem = 'must be at most ' + field.max;
          if (problem) { err.textContent = problem; ok = false; }
          values[name] = v;
        }
        return ok ? values : null;
      },
      showError(e) {
        const target = e.field && inputs[e.field];
        if (target) target.err.textContent = e.message; else return false;
        return true;
      }
    };
  }

  pages.hub = async (main, jid) => {
    main.append(el('h2', { text: jid ? 'Hub ' + jid : 'Hub' }), jidForm('hub-jid', 'hub@example.org', j => { location.hash = '#/hub/' + enc(j); }));
    if (!jid) { main.append(el('p', { class: 'note', text: 'Give the JID of a concentrator (xmpp-iot hub), or follow its "concentrator" link on the Devices page.' })); return; }
    const msg = el('p', { class: 'note', id: 'hub-msg' });
    const tree = el('table', { id: 'nodes' });
    const nodeBox = el('div', { id: 'node-box' });
    const typeSelect = el('select', { id: 'add-type' });
    const newId = el('input', { id: 'add-id', placeholder: 'new node id' });
    const addForm = el('div', { id: 'add-form' });
    let filled = null;
    main.append(msg, el('div', { class: 'cols' }, el('div', {}, el('h3', { text: 'Nodes' }), tree),
      el('div', {}, el('h3', { text: 'Add a node' }), el('div', { class: 'row' }, typeSelect, el('button', { class: 'secondary', id: 'add-load',
        text: 'Parameters', onclick: () => loadForm() })), addForm,
        el('button', { id: 'add-node', text: 'Add node', onclick: () => add() }))), nodeBox);
    const say = (text, error) => { msg.textContent = text; msg.className = error ? 'error' : 'note'; };

    async function loadTree() {
      const nodes = await get('/api/hub/nodes', { jid });
      tree.replaceChildren(el('tr', {}, ['Node', 'Type', 'Parent', 'State', ''].map(h => el('th', { text: h }))));
      for (const n of nodes) {
        tree.append(el('tr', { 'data-node': n.id }, el('td', { text: n.id }), el('td', { text: n.type }), el('td', { text: n.parent }),
          el('td', { text: n.state }), el('td', {},
            n.readable ? el('button', { class: 'secondary', 'data-action': 'read', text: 'Read', onclick: () => readNode(n.id) }) : null, ' ',
            el('button', { class: 'secondary', 'data-action': 'edit', text: 'Edit', onclick: () => editNode(n.id) }), ' ',
            n.parent ? el('button', { class: 'danger', 'data-action': 'remove', text: 'Remove', onclick: () => removeNode(n.id) }) : null)));
      }
    }
    async function loadForm() {
      try {
        const f = await get('/api/hub/new-form', { jid, type: typeSelect.value });
        const fields = f.fields.filter(x => x.name !== 'id');
        filled = formFields(addForm, fields, 'new-');
        addForm.prepend(el('div', { class: 'row' }, el('label', { for: 'add-id', text: 'Node id *' }), newId));
      } catch (e) { say(e.message, true); }
    }
    async function add() {
      if (!filled) await loadForm();
      const values = filled && filled.values();
      if (!values) return;
      if (!newId.value.trim()) { say('give the new node an id', true); return; }
      values.id = newId.value.trim();
      try {
        const r = await post('/api/hub/add', { jid, type: typeSelect.value, values });
        say('added node ' + r.added + ' under ' + r.parent);
        await loadTree();
      } catch (e) { if (!filled.showError(e)) say(e.message, true); }
    }
    async function removeNode(id) {
      try { await post('/api/hub/remove', { jid, node: id }); say('removed node ' + id); await loadTree(); } catch (e) { say(e.message, true); }
    }
    async function readNode(id) {
      nodeBox.replaceChildren(el('h3', { text: 'Node ' + id }), el('p', { class: 'note', text: 'reading…' }));
      try {
        const r = await get('/api/hub/read', { jid, node: id });
        const t = el('table', { id: 'node-values' }, el('tr', {}, ['Field', 'Value', 'Flags'].map(h => el('th', { text: h }))),
          r.fields.map(f => el('tr', { 'data-field': f.name }, el('td', { text: f.name }), el('td', { class: 'value', text: f.value + (f.unit ? ' ' + f.unit : '') }),
            el('td', {}, f.quality.filter(q => q !== 'AUTOMATIC_READOUT').map(q => el('span', { class: 'flag', text: q.toLowerCase() }))))));
        const control = el('div', { class: 'control', id: 'node-control' });
        nodeBox.replaceChildren(el('h3', { text: 'Node ' + id }), t, ...r.failures.map(f => el('div', { class: 'failure', text: f.message })), control);
        App.renderControl(control, jid, id).catch(() => control.replaceChildren());
      } catch (e) { nodeBox.replaceChildren(el('h3', { text: 'Node ' + id }), el('p', { class: 'error', text: e.message })); }
    }
    async function editNode(id) {
      nodeBox.replaceChildren(el('h3', { text: 'Edit ' + id }));
      try {
        const f = await get('/api/hub/edit-form', { jid, node: id });
        const box = el('div', { id: 'edit-form' });
        const form = formFields(box, f.fields, 'edit-');
        nodeBox.append(box, el('button', { id: 'edit-save', text: 'Save', onclick: async () => {
          const values = form.values();
          if (!values) return;
          try { await post('/api/hub/edit', { jid, node: id, values }); say('saved ' + id); await loadTree(); }
          catch (e) { if (!form.showError(e)) say(e.message, true); }
        } }));
      } catch (e) { nodeBox.append(el('p', { class: 'error', text: e.message })); }
    }
    await loadTree();
    const types = await get('/api/hub/types', { jid });
    typeSelect.replaceChildren(...types.map(t => el('option', { value: t.type, text: t.name })));
    typeSelect.addEventListener('change', () => { filled = null; addForm.replaceChildren(); });
  };

  pages.registry = async main => {
    const registry = el('input', { id: 'registry-jid', placeholder: 'default: the console\'s --registry or the advertised one', size: 44 });
    const conditions = el('textarea', { id: 'conditions', rows: 3, cols: 40, placeholder: 'one condition per line: MODEL=DemoBoard, V>=2, MAN~example*' });
    const results = el('table', { id: 'results' });
    const claim = el('textarea', { id: 'claim', rows: 3, cols: 60, placeholder: 'IoTDisco;MAN:…;KEY:…' });
    const isPublic = el('input', { id: 'claim-public', type: 'checkbox', checked: true });
    const msg = el('p', { class: 'note', id: 'registry-msg' });
    const claimErr = el('span', { class: 'error', id: 'claim-error' });
    const say = (text, error) => { msg.textContent = text; msg.className = error ? 'error' : 'note'; };
    const reg = () => registry.value.trim() || undefined;
    async function search(done) {
      try {
        const r = await post('/api/registry/search', { registry: reg(), conditions: conditions.value.split('\n') });
        results.replaceChildren(el('tr', {}, ['Thing', 'Node', 'Owner', 'Tags', ''].map(h => el('th', { text: h }))));
        for (const t of r.things) {
          results.append(el('tr', { 'data-jid': t.jid }, el('td', { text: t.jid }), el('td', { text: t.node }), el('td', { text: t.owner }),
            el('td', { text: t.tags }), el('td', {},
              el('button', { class: 'secondary', 'data-action': 'remove', text: 'Remove', onclick: () => change('remove', t) }), ' ',
              el('button', { class: 'danger', 'data-action': 'disown', text: 'Disown', onclick: () => change('disown', t) }))));
        }
        say((typeof done === 'string' ? done + '; ' : '') + r.things.length + ' thing(s) found'
          + (r.more ? ' (more exist: narrow the search)' : ''));
      } catch (e) { say(e.message, true); }
    }
    async function change(what, t) {
      try {
        await post('/api/registry/' + what, { registry: reg(), jid: t.jid, node: t.node || undefined });
        await search((what === 'remove' ? 'removed ' : 'disowned ') + t.jid);
      } catch (e) { say(e.message, true); }
    }
    main.append(el('h2', { text: 'Registry' }), el('div', { class: 'row' }, el('label', { for: 'registry-jid', text: 'Registry:' }), registry),
      el('h3', { text: 'Claim a thing' }), el('div', { class: 'row' }, claim, el('label', {}, isPublic, ' public'),
        el('button', { id: 'claim-button', text: 'Claim', onclick: async () => {
          claimErr.textContent = '';
          if (!/^iotdisco;/i.test(claim.value.trim())) { claimErr.textContent = 'a claim string starts with IoTDisco;'; return; }
          try {
            const r = await post('/api/registry/claim', { registry: reg(), claim: claim.value, public: isPublic.checked });
            say('claimed ' + r.claimed + (r.node ? ' node ' + r.node : '') + (r.public ? ' (public)' : ' (private)'));
          } catch (e) { claimErr.textContent = e.message; }
        } }), claimErr),
      el('h3', { text: 'Search' }), el('div', { class: 'row' }, conditions, el('button', { id: 'search', text: 'Search', onclick: () => search() })),
      msg, results);
  };
})();

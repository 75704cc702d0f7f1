// Pieces shared by the views: links, error boxes, the start-execution dialog.

import { h, replace } from '../dom.js';
import { api } from '../api.js';

export const machineHref = (arn, params) => `#/machine/${encodeURIComponent(arn)}${params && String(params) ? `?${params}` : ''}`;
export const executionHref = (arn) => `#/execution/${encodeURIComponent(arn)}`;

export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' },
    h('strong', {}, error.type || 'Error'), ': ', error.message || String(error));
}

/** Runs an async loader into a container, showing "Loading…" and then either the result or the error. */
export async function load(container, loader) {
  replace(container, h('p', { class: 'loading' }, 'Loading…'));
  try {
    replace(container, await loader());
  } catch (error) {
    replace(container, errorBox(error));
  }
}

/** The start-execution dialog: optional name (the order id in this project) and JSON input. */
export function openStartDialog(stateMachineArn, { input = '{}', title = 'Start execution' } = {}) {
  const dialog = document.getElementById('dialog');
  const name = h('input', { name: 'name', id: 'start-name', autocomplete: 'off', spellcheck: 'false', placeholder: 'generated when empty', maxlength: 80 });
  const text = h('textarea', { name: 'input', id: 'start-input', rows: 14, spellcheck: 'false' });
  text.value = input;
  const message = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'start-submit' }, 'Start execution');
  const form = h('form', { method: 'dialog', class: 'dialog-form' },
    h('h2', {}, title),
    h('label', { for: 'start-name' }, 'Name'), name,
    h('label', { for: 'start-input' }, 'Input (JSON)'), text,
    message,
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'),
      submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let parsed;
    try {
      parsed = JSON.parse(text.value);
    } catch (e) {
      message.textContent = `The input is not JSON: ${e.message}`;
      return;
    }
    submit.disabled = true;
    try {
      const started = await api.startExecution(stateMachineArn, name.value.trim(), JSON.stringify(parsed));
      dialog.close();
      location.hash = executionHref(started.executionArn);
    } catch (e) {
      message.textContent = `${e.type}: ${e.message}`;
    } finally {
      submit.disabled = false;
    }
  });
  replace(dialog, form);
  dialog.showModal();
  name.focus();
}

/** A confirmation dialog with optional fields; resolves with the field values, or null when cancelled. */
export function confirmDialog(title, text, fields = [], confirmLabel = 'Confirm', danger = false) {
  const dialog = document.getElementById('dialog');
  return new Promise((resolve) => {
    const inputs = fields.map(f => h('input', { name: f.name, id: `confirm-${f.name}`, placeholder: f.placeholder || '', autocomplete: 'off' }));
    const form = h('form', { method: 'dialog', class: 'dialog-form' },
      h('h2', {}, title),
      h('p', {}, text),
      fields.map((f, i) => [h('label', { for: `confirm-${f.name}` }, f.label), inputs[i]]),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'confirm-cancel', onclick: () => { dialog.close(); resolve(null); } }, 'Cancel'),
        h('button', { type: 'submit', id: 'confirm-ok', class: danger ? 'danger' : 'primary' }, confirmLabel)));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      dialog.close();
      resolve(Object.fromEntries(fields.map((f, i) => [f.name, inputs[i].value.trim()])));
    });
    dialog.addEventListener('cancel', () => resolve(null), { once: true });
    replace(dialog, form);
    dialog.showModal();
  });
}

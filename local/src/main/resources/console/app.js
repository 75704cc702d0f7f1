// The console's router: hash routes, so the server only ever serves static files.
//   #/                                  state machines
//   #/machine/<arn>?status=FAILED       one machine's executions
//   #/execution/<arn>                   one execution: graph, state details, event history, input and output

import { h, replace } from './dom.js';
import { machinesView } from './views/machines.js';
import { executionsView } from './views/executions.js';
import { executionView } from './views/execution.js';

const main = document.getElementById('main');
let dispose = () => {};

export function route() {
  dispose();
  dispose = () => {};
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  const params = new URLSearchParams(query);
  const [, kind, ...rest] = path.split('/');
  const arn = decodeURIComponent(rest.join('/'));
  let view;
  if (!kind) view = machinesView(params);
  else if (kind === 'machine' && arn) view = executionsView(arn, params);
  else if (kind === 'execution' && arn) view = executionView(arn, params);
  else view = { element: h('p', { class: 'error' }, 'Nothing here: ', hash) };
  replace(main, view.element);
  dispose = view.dispose || dispose;
  document.body.dataset.view = kind || 'machines';
}

window.addEventListener('hashchange', route);
document.getElementById('endpoint').textContent = location.host;
route();

// The Precedent panel's page: it renders the view model the extension posts ({ type: 'model', model }) and posts
// back what the drafter does. It computes nothing itself; text is set with textContent only, never as HTML.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('panel');
  const ACTIONS = [
    ['use', 'Use this wording'],
    ['insert', 'Insert'],
    ['open', 'Open Source'],
    ['copy', 'Copy with Citation'],
  ];

  function element(tag, props, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name === 'className') node.className = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children || []) if (child) node.append(child);
    return node;
  }

  // ---- the skeleton, built once: three parts side by side (stacked when the panel is narrow) ----------------
  function section(id, title) {
    const heading = element('h2', { id: `${id}-title`, text: title });
    const status = element('p', { className: 'status', role: 'status', 'aria-live': 'polite' });
    const list = element('div', { className: 'cards', role: 'list', 'aria-labelledby': `${id}-title` });
    const part = element('section', { id, className: 'part', 'aria-labelledby': `${id}-title` }, [heading]);
    return { part, status, list };
  }

  const cursor = section('at-cursor', 'At the cursor');
  const sentence = element('p', { className: 'sentence' });
  cursor.part.append(sentence, cursor.status, cursor.list);

  const search = section('search', 'Search');
  const query = element('input', {
    type: 'search',
    className: 'query',
    placeholder: 'Search the corpus',
    'aria-label': 'Search the corpus: a phrase as you remember it, or keywords in any order',
    title: 'A phrase as you remember it, or keywords in any order',
  });
  const byRelevance = element('button', { type: 'button', className: 'toggle', 'aria-pressed': 'true', text: 'Relevance' });
  const byDate = element('button', { type: 'button', className: 'toggle', 'aria-pressed': 'false', text: 'Date' });
  const sortBar = element('div', { className: 'sort', role: 'group', 'aria-label': 'Sort the results by' }, [
    element('span', { text: 'Sort by' }),
    byRelevance,
    byDate,
  ]);
  const picked = element('div', { className: 'picked', role: 'list', 'aria-label': 'The item active in the picker' });
  search.part.append(
    element('div', { className: 'search-bar' }, [search.part.firstChild, query, sortBar]),
    picked,
    search.status,
    search.list,
  );

  const history = section('history', 'History of a phrase');
  const ask = element('button', {
    type: 'button',
    className: 'ask',
    text: 'Show the history',
    title: 'The history of the selected phrase, or of the sentence at the cursor',
  });
  const phrase = element('p', { className: 'sentence' });
  const rule = element('p', { className: 'rule' });
  history.part.append(ask, phrase, rule, history.status, history.list);

  root.append(cursor.part, search.part, history.part);

  // ---- cards ---------------------------------------------------------------------------------------------------
  function runs(list, className) {
    return element(
      'p',
      { className },
      list.map((run) =>
        run.mark
          ? element(run.mark === 'removed' ? 'del' : 'mark', { className: run.mark, text: run.text })
          : document.createTextNode(run.text),
      ),
    );
  }

  function actions(id) {
    return element(
      'div',
      { className: 'actions' },
      ACTIONS.map(([action, label]) =>
        element('button', { type: 'button', 'data-action': action, 'data-id': id, tabindex: '-1', text: label }),
      ),
    );
  }

  // One line above the passage — how close, when, who — so that the passage itself comes first to the eye.
  function passageCard(card) {
    const meta = element('div', { className: 'meta' }, [
      card.closeness &&
        element('span', { className: 'closeness', text: card.closeness, title: 'Share of words in common with your sentence' }),
      card.date && element('span', { className: 'date', text: card.date }),
      element('span', { className: 'source', text: card.source, title: card.heading }),
      card.fromSuggestion &&
        element('span', { className: 'badge', text: 'ghost text', title: 'The ghost text in the draft continues this passage' }),
    ]);
    const hasChanges = card.diff && card.diff.some((run) => run.mark);
    return element(
      'article',
      {
        className: `card${card.fromSuggestion ? ' suggested' : ''}`,
        role: 'listitem',
        tabindex: '-1',
        'data-id': card.id,
        'aria-label': card.label,
      },
      [
        meta,
        card.caution && element('p', { className: 'caution', text: `⚠ ${card.caution}` }),
        runs(card.passage, 'passage'),
        hasChanges &&
          element('div', { className: 'diff' }, [
            element('span', { className: 'diff-label', text: 'From your sentence: ' }),
            runs(card.diff, 'diff-text'),
          ]),
        card.also && element('p', { className: 'also', text: card.also, title: card.also }),
        actions(card.id),
      ],
    );
  }

  function historyCard(card) {
    return element(
      'article',
      { className: 'card history', role: 'listitem', tabindex: '-1', 'data-id': card.id, 'aria-label': card.label },
      [
        element('div', { className: 'meta' }, [
          element('span', { className: 'step', text: card.step }),
          element('span', { className: 'heading', text: card.when }),
        ]),
        card.changes.length > 0 &&
          element(
            'ul',
            { className: 'changes' },
            card.changes.map((change) => element('li', { text: change })),
          ),
        runs(card.wording, 'passage'),
        element(
          'ul',
          { className: 'uses' },
          card.uses.map((use) => element('li', { text: use.label })),
        ),
        actions(card.id),
      ],
    );
  }

  function fill(list, cards, make) {
    const focusedId =
      document.activeElement && list.contains(document.activeElement)
        ? document.activeElement.closest('[data-id]')?.getAttribute('data-id')
        : null;
    list.replaceChildren(...cards.map(make));
    const first = list.querySelector('.card');
    if (first) first.tabIndex = 0;
    if (focusedId) {
      const again = list.querySelector(`.card[data-id="${CSS.escape(focusedId)}"]`) || first;
      if (again) focusCard(again);
    }
  }

  function status(node, busy, message) {
    node.textContent = busy ? 'Looking…' : message || '';
    node.hidden = !busy && !message;
  }

  // ---- rendering the model -------------------------------------------------------------------------------
  let model = null;
  /** The extension asked for the keyboard before the cards arrived: the first card takes it when it comes. */
  let focusWanted = false;
  function render(next) {
    model = next;
    const at = model.atCursor;
    sentence.textContent = at.sentence ? `“${at.sentence}”` : '';
    sentence.title = at.sentence || '';
    sentence.hidden = !at.sentence;
    status(cursor.status, at.busy, at.message);
    fill(cursor.list, at.cards, passageCard);

    if (document.activeElement !== query && query.value !== model.search.query) query.value = model.search.query;
    byRelevance.setAttribute('aria-pressed', String(model.search.sort === 'relevance'));
    byDate.setAttribute('aria-pressed', String(model.search.sort === 'date'));
    picked.replaceChildren(...(model.picked ? [passageCard(model.picked)] : []));
    status(search.status, model.search.busy, model.search.message);
    fill(search.list, model.search.cards, passageCard);

    phrase.textContent = model.history.phrase ? `“${model.history.phrase}”` : '';
    phrase.hidden = !model.history.phrase;
    rule.textContent = model.history.rule || '';
    rule.hidden = !model.history.rule;
    status(history.status, model.history.busy, model.history.message);
    fill(history.list, model.history.cards, historyCard);
    if (focusWanted) takeFocus();
  }

  function takeFocus() {
    const first = cursor.list.querySelector('.card') || search.list.querySelector('.card');
    focusWanted = !first;
    if (first) focusCard(first);
    else query.focus();
  }

  // ---- keyboard and pointer --------------------------------------------------------------------------------
  function focusCard(card) {
    for (const other of root.querySelectorAll('.card[tabindex="0"]')) if (other !== card) other.tabIndex = -1;
    card.tabIndex = 0;
    card.focus({ preventScroll: true });
  }

  // The whole card in view when it fits below its section's sticky title (and search bar), else its top: how close,
  // when, who, and any caution come first. Whatever element scrolls, the card keeps clear of the sticky part.
  function reveal(card) {
    const part = card.closest('.part');
    const sticky = Math.max(0, ...[...part.querySelectorAll(':scope > h2, :scope > .search-bar')].map((e) => e.offsetHeight));
    card.style.scrollMarginTop = `${sticky + 8}px`;
    const fits = card.offsetHeight + sticky + 8 <= Math.min(part.clientHeight, window.innerHeight);
    card.scrollIntoView({ block: fits ? 'nearest' : 'start' });
  }

  function cardsBeside(card) {
    return [...card.parentElement.querySelectorAll(':scope > .card')];
  }

  // However a card takes the focus (the arrows, Tab, a click, the extension), it is revealed once laid out, after the
  // browser's own scrolling to it.
  root.addEventListener('focusin', (event) => {
    if (event.target.classList && event.target.classList.contains('card')) window.requestAnimationFrame(() => reveal(event.target));
  });

  root.addEventListener('keydown', (event) => {
    const card = event.target.closest && event.target.closest('.card');
    if (!card) return;
    const cards = cardsBeside(card);
    const at = cards.indexOf(card);
    if (event.target === card && event.key === 'Enter') {
      event.preventDefault();
      vscode.postMessage({ type: 'action', action: 'use', id: card.getAttribute('data-id') });
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = cards[Math.min(cards.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
      if (next) focusCard(next);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusCard(event.key === 'Home' ? cards[0] : cards[cards.length - 1]);
    } else if (event.target === card && (event.key === 'ArrowRight' || event.key === 'Tab') && !event.shiftKey) {
      // Into the card's buttons.
      const first = card.querySelector('.actions button');
      if (first && event.key === 'ArrowRight') {
        event.preventDefault();
        first.focus();
      }
    } else if (event.target.tagName === 'BUTTON' && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      event.preventDefault();
      const buttons = [...card.querySelectorAll('.actions button')];
      const i = buttons.indexOf(event.target) + (event.key === 'ArrowRight' ? 1 : -1);
      if (i < 0) card.focus();
      else if (buttons[i]) buttons[i].focus();
    } else if (event.key === 'Escape') {
      card.focus();
    }
  });

  root.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('button[data-action]');
    if (button) vscode.postMessage({ type: 'action', action: button.getAttribute('data-action'), id: button.getAttribute('data-id') });
    const card = event.target.closest && event.target.closest('.card');
    if (card && !button) focusCard(card);
  });

  let searchTimer;
  query.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => vscode.postMessage({ type: 'search', query: query.value }), 150);
  });
  query.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter') {
      const first = search.list.querySelector('.card');
      if (first) {
        event.preventDefault();
        focusCard(first);
      }
    }
  });
  byRelevance.addEventListener('click', () => vscode.postMessage({ type: 'sort', sort: 'relevance' }));
  byDate.addEventListener('click', () => vscode.postMessage({ type: 'sort', sort: 'date' }));
  ask.addEventListener('click', () => vscode.postMessage({ type: 'history' }));

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'model') render(message.model);
    else if (message.type === 'focus') takeFocus();
  });
  vscode.postMessage({ type: 'ready' });
})();

// The supervisor page: signs in with a key (kept in sessionStorage, sent as a header), shows the tenant's board and
// keeps it live from the fact stream (/v1/stream read with fetch, so the key can travel in a header).
'use strict';

(() => {
  const TEXTS = {
    en: {
      title: 'CxCluster supervisor', skip: 'Skip to the board', language: 'Language', signOut: 'Sign out',
      signInTitle: 'Sign in', keyLabel: 'Supervisor key or API key', signIn: 'Sign in',
      keyHelp: 'The key is kept in this browser tab only, and sent with each request of this page.',
      keyUnknown: 'This key is not known. Check it and try again.', keyMissing: 'Enter a key.',
      cannotReach: 'The service cannot be reached right now; trying again.',
      queues: 'Queues', queuesCaption: 'Each queue: conversations waiting, the oldest wait and agents available',
      queue: 'Queue', waiting: 'Waiting', oldestWait: 'Oldest wait', agentsAvailable: 'Agents available', noQueues: 'No queues yet.',
      agents: 'Agents', agentsCaption: 'Each agent: status, conversations held against capacity and open offers',
      agent: 'Agent', status: 'Status', load: 'Load / capacity', offers: 'Open offers', noAgents: 'No agents yet.',
      atRisk: 'Conversations at risk', atRiskCaption: 'Conversations whose trust is in the warning or breached band',
      conversation: 'Conversation', band: 'Band', score: 'Score', inCharge: 'In charge', noRisk: 'No conversation is at risk.',
      waitingForPerson: 'Waiting for a person', waitingCaption: 'Conversations waiting for a human agent, longest first',
      waitingFor: 'Waiting for', offeredTo: 'Offered to', noWaiting: 'Nobody is waiting.',
      today: 'Today', handoffs: 'Handoffs', assigned: 'Assigned to an agent', medianWait: 'Median wait', offersExpired: 'Offers expired',
      reasonsCaption: 'Handoffs today by reason', reason: 'Reason', count: 'Count',
      live: 'Live', connecting: 'Connecting…', reconnecting: 'Connection lost; reconnecting…', updatedAt: 'Updated at {time}',
      'status.available': 'available', 'status.away': 'away', 'status.offline': 'offline',
      'conversation.ai': 'AI', 'conversation.queued': 'waiting', 'conversation.human': 'agent', 'conversation.ended': 'ended',
      'band.healthy': 'healthy', 'band.warning': 'warning', 'band.breached': 'breached',
      'reason.customer-request': 'customer asked for a person', 'reason.trust-threshold': 'trust fell below the threshold',
      announceBand: 'Conversation {id} is now in the {band} band.', announceWaiting: 'Conversation {id} waits for a person.',
      announceAssigned: 'Conversation {id} went to {agent}.', announceOffered: 'Conversation {id} was offered to {agent}.',
      announceExpired: 'An offer to {agent} expired.', announceAgent: '{agent} is now {status}.', announceEnded: 'Conversation {id} ended.',
    },
    id: {
      title: 'Supervisor CxCluster', skip: 'Langsung ke papan', language: 'Bahasa', signOut: 'Keluar',
      signInTitle: 'Masuk', keyLabel: 'Kunci supervisor atau kunci API', signIn: 'Masuk',
      keyHelp: 'Kunci hanya disimpan di tab peramban ini, dan dikirim bersama setiap permintaan halaman ini.',
      keyUnknown: 'Kunci ini tidak dikenal. Periksa lalu coba lagi.', keyMissing: 'Masukkan kunci.',
      cannotReach: 'Layanan tidak dapat dihubungi saat ini; mencoba lagi.',
      queues: 'Antrean', queuesCaption: 'Setiap antrean: percakapan yang menunggu, tunggu terlama, dan agen yang tersedia',
      queue: 'Antrean', waiting: 'Menunggu', oldestWait: 'Tunggu terlama', agentsAvailable: 'Agen tersedia', noQueues: 'Belum ada antrean.',
      agents: 'Agen', agentsCaption: 'Setiap agen: status, percakapan yang ditangani terhadap kapasitas, dan tawaran terbuka',
      agent: 'Agen', status: 'Status', load: 'Beban / kapasitas', offers: 'Tawaran terbuka', noAgents: 'Belum ada agen.',
      atRisk: 'Percakapan berisiko', atRiskCaption: 'Percakapan dengan tingkat kepercayaan di pita peringatan atau terlampaui',
      conversation: 'Percakapan', band: 'Pita', score: 'Skor', inCharge: 'Ditangani', noRisk: 'Tidak ada percakapan yang berisiko.',
      waitingForPerson: 'Menunggu petugas', waitingCaption: 'Percakapan yang menunggu agen manusia, yang terlama lebih dulu',
      waitingFor: 'Lama menunggu', offeredTo: 'Ditawarkan kepada', noWaiting: 'Tidak ada yang menunggu.',
      today: 'Hari ini', handoffs: 'Pengalihan', assigned: 'Diberikan ke agen', medianWait: 'Median waktu tunggu', offersExpired: 'Tawaran kedaluwarsa',
      reasonsCaption: 'Pengalihan hari ini menurut alasan', reason: 'Alasan', count: 'Jumlah',
      live: 'Langsung', connecting: 'Menghubungkan…', reconnecting: 'Koneksi terputus; menghubungkan kembali…', updatedAt: 'Diperbarui pukul {time}',
      'status.available': 'tersedia', 'status.away': 'sedang pergi', 'status.offline': 'luring',
      'conversation.ai': 'AI', 'conversation.queued': 'menunggu', 'conversation.human': 'agen', 'conversation.ended': 'selesai',
      'band.healthy': 'sehat', 'band.warning': 'peringatan', 'band.breached': 'terlampaui',
      'reason.customer-request': 'pelanggan meminta petugas', 'reason.trust-threshold': 'kepercayaan di bawah ambang',
      announceBand: 'Percakapan {id} kini di pita {band}.', announceWaiting: 'Percakapan {id} menunggu petugas.',
      announceAssigned: 'Percakapan {id} diberikan ke {agent}.', announceOffered: 'Percakapan {id} ditawarkan kepada {agent}.',
      announceExpired: 'Tawaran kepada {agent} kedaluwarsa.', announceAgent: '{agent} kini {status}.', announceEnded: 'Percakapan {id} selesai.',
    },
  };
  const STREAM_TYPES = [
    'trust.changed', 'human.offered', 'handoff.requested', 'handoff.queued', 'handoff.offered', 'handoff.declined',
    'handoff.expired', 'handoff.escalated', 'handoff.assigned', 'handoff.reclaimed', 'handoff.completed', 'ai.resumed',
    'conversation.ended', 'conversation.erased', 'agent.status.changed',
  ];
  const KEY_ITEM = 'cx.supervisor.key';
  const LANGUAGE_ITEM = 'cx.supervisor.language';
  const REFRESH_GAP_MS = 1000;
  // The server writes at least a comment every 15 s: a stream silent for longer than this is dead (a connection lost
  // without being closed, e.g. after a network change) and is opened again.
  const STREAM_SILENCE_MS = 40000;

  const $ = (selector) => document.querySelector(selector);
  let language = 'en';
  let key = null;
  let board = null;       // the last board read, with local changes from facts applied since
  let fetchedAt = 0;      // when it was read (ms), to count waits up between reads
  let lastEventId = null; // the stream's cursor: a reconnect resumes after it
  let streamAbort = null;
  let refreshTimer = null;
  let lastRefresh = 0;
  let reconnectDelay = 1000;
  let connection = '';    // the name of the connection's state text, shown in the current language
  let streamLive = false; // the stream said it is live and has not been lost since

  const t = (name, values) => {
    const text = TEXTS[language][name] ?? TEXTS.en[name] ?? name;
    return values ? text.replace(/\{(\w+)\}/g, (_, v) => String(values[v] ?? '')) : text;
  };
  const word = (kind, value) => {
    const name = `${kind}.${value}`;
    return TEXTS[language][name] ?? TEXTS.en[name] ?? value;
  };

  function setLanguage(next) {
    language = TEXTS[next] ? next : 'en';
    document.documentElement.lang = language;
    $('#language').value = language;
    sessionStorage.setItem(LANGUAGE_ITEM, language);
    for (const element of document.querySelectorAll('[data-i18n]')) {
      element.textContent = t(element.dataset.i18n);
    }
    document.title = t('title');
    setConnection(connection);
    render();
  }

  function preferredLanguage() {
    const chosen = sessionStorage.getItem(LANGUAGE_ITEM);
    if (chosen && TEXTS[chosen]) {
      return chosen;
    }
    const browser = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en']);
    return /^(id|ms)\b/i.test(browser[0]) ? 'id' : 'en';
  }

  // --- Signing in and out ---------------------------------------------------------------------------------------

  async function signIn(event) {
    event.preventDefault();
    const entered = $('#key').value.trim();
    if (!entered) {
      $('#sign-in-error').textContent = t('keyMissing');
      return;
    }
    key = entered;
    $('#key').value = '';
    if (await refresh()) {
      sessionStorage.setItem(KEY_ITEM, key);
      showBoard();
    }
  }

  function showBoard() {
    $('#sign-in').hidden = true;
    $('#board').hidden = false;
    $('#sign-out').hidden = false;
    $('#sign-in-error').textContent = '';
    $('#main').focus();
    connect();
  }

  function signOut(message) {
    key = null;
    board = null;
    lastEventId = null;
    sessionStorage.removeItem(KEY_ITEM);
    if (streamAbort) {
      streamAbort.abort();
      streamAbort = null;
    }
    $('#board').hidden = true;
    $('#sign-out').hidden = true;
    $('#sign-in').hidden = false;
    setConnection('');
    $('#sign-in-error').textContent = message || '';
    $('#key').focus();
  }

  function setConnection(name) {
    connection = name;
    $('#connection').textContent = name ? t(name) : '';
  }

  const headers = (extra) => Object.assign({ Authorization: `Bearer ${key}` }, extra || {});

  // --- The board --------------------------------------------------------------------------------------------------

  /** Reads the board (including every fact the stream has shown); false when the key is refused. */
  async function refresh() {
    lastRefresh = Date.now();
    const after = lastEventId ? `?after=${encodeURIComponent(lastEventId)}` : '';
    let response;
    try {
      response = await fetch(`/v1/supervisor/board${after}`, { headers: headers(), cache: 'no-store' });
    } catch {
      setConnection('cannotReach');
      return false;
    }
    if (response.status === 401 || response.status === 403) {
      signOut(t('keyUnknown'));
      return false;
    }
    if (response.status === 400 && lastEventId) {
      // The cursor is not this cluster's any more (it started anew): the board as it is now, and the stream from now.
      lastEventId = null;
      return refresh();
    }
    if (!response.ok) {
      setConnection('cannotReach');
      return false;
    }
    board = await response.json();
    fetchedAt = Date.now();
    if (connection === 'cannotReach') {
      // The board can be read again: the state shown is the stream's once more.
      setConnection(streamLive ? 'live' : 'reconnecting');
    }
    render();
    return true;
  }

  /** At most one board read per second, however many facts come. */
  function scheduleRefresh() {
    if (refreshTimer !== null) {
      return;
    }
    const wait = Math.max(0, REFRESH_GAP_MS - (Date.now() - lastRefresh));
    refreshTimer = setTimeout(async () => {
      refreshTimer = null;
      await refresh();
    }, wait);
  }

  function cell(row, className, text, extraClass) {
    const td = document.createElement('td');
    td.className = extraClass ? `${className} ${extraClass}` : className;
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function fill(tableId, items, build) {
    const body = $(`#${tableId} tbody`);
    const rows = items.map((item) => {
      const row = document.createElement('tr');
      build(row, item);
      return row;
    });
    body.replaceChildren(...rows);
    $(`#${tableId}`).hidden = items.length === 0;
    const empty = document.querySelector(`.empty[data-for="${tableId}"]`);
    if (empty) {
      empty.hidden = items.length !== 0;
    }
  }

  const elapsed = () => Math.max(0, Math.floor((Date.now() - fetchedAt) / 1000));

  function duration(seconds) {
    if (seconds === null || seconds === undefined) {
      return '–';
    }
    const s = Math.max(0, Math.round(seconds));
    const m = Math.floor(s / 60);
    return m > 0 ? `${m}:${String(s % 60).padStart(2, '0')}` : `0:${String(s).padStart(2, '0')}`;
  }

  function render() {
    if (!board) {
      return;
    }
    const since = elapsed();
    fill('queues', board.queues, (row, q) => {
      row.dataset.id = q.name;
      const th = document.createElement('th');
      th.scope = 'row';
      th.className = 'name';
      th.textContent = q.name;
      row.appendChild(th);
      cell(row, 'waiting number', String(q.waiting));
      const oldest = cell(row, 'oldest number', duration(q.waiting > 0 ? q.longestWaitSeconds + since : 0));
      if (q.waiting > 0) {
        oldest.dataset.base = String(q.longestWaitSeconds);
      }
      cell(row, 'available number', String(q.availableAgents));
    });
    fill('agents', board.agents, (row, a) => {
      row.dataset.id = a.agentId;
      const th = document.createElement('th');
      th.scope = 'row';
      th.className = 'name';
      th.textContent = a.displayName;
      row.appendChild(th);
      cell(row, 'status', word('status', a.status), `status-${a.status}`);
      cell(row, 'load number', `${a.load} / ${a.capacity}`);
      cell(row, 'offers number', String(a.offers));
    });
    const agentName = (id) => (board.agents.find((a) => a.agentId === id) || {}).displayName || id || '';
    const atRisk = board.conversations.filter((c) => c.band !== 'healthy');
    fill('at-risk', atRisk, (row, c) => {
      row.dataset.id = c.conversationId;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = c.conversationId;
      row.appendChild(th);
      cell(row, 'band', word('band', c.band), `band-${c.band}`);
      cell(row, 'score number', String(c.score));
      cell(row, 'status', c.status === 'human' && c.agentId ? `${word('conversation', c.status)}: ${agentName(c.agentId)}` : word('conversation', c.status));
    });
    const waiting = board.conversations.filter((c) => c.status === 'queued')
      .sort((a, b) => (a.waitingSince || '').localeCompare(b.waitingSince || ''));
    fill('waiting', waiting, (row, c) => {
      row.dataset.id = c.conversationId;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = c.conversationId;
      row.appendChild(th);
      cell(row, 'queue', c.queue || '');
      const wait = cell(row, 'wait number', duration(c.waitingSince ? (Date.now() - Date.parse(c.waitingSince)) / 1000 : null));
      if (c.waitingSince) {
        wait.dataset.since = c.waitingSince;
      }
      cell(row, 'agent', c.agentId ? agentName(c.agentId) : '');
    });
    const today = board.today;
    $('#today-day').textContent = `(${today.day})`;
    $('#today-handoffs').textContent = String(today.handoffs);
    $('#today-assigned').textContent = String(today.assigned);
    $('#today-median').textContent = duration(today.medianWaitSeconds ?? null);
    $('#today-expired').textContent = String(today.offersExpired);
    fill('reasons', Object.entries(today.handoffsByReason), (row, [reason, count]) => {
      row.dataset.id = reason;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = word('reason', reason);
      row.appendChild(th);
      cell(row, 'count number', String(count));
    });
    $('#as-of').textContent = t('updatedAt', { time: new Date(board.asOf).toLocaleTimeString(language === 'id' ? 'id-ID' : 'en-GB') });
  }

  /** Counts the shown waits up each second, changing only those cells (the tables stay as they are for readers). */
  function tick() {
    const since = elapsed();
    for (const td of document.querySelectorAll('td.oldest[data-base]')) {
      td.textContent = duration(Number(td.dataset.base) + since);
    }
    for (const td of document.querySelectorAll('td.wait[data-since]')) {
      td.textContent = duration((Date.now() - Date.parse(td.dataset.since)) / 1000);
    }
  }

  // --- Facts from the stream: shown at once, then the board is read again -----------------------------------------

  function announce(text) {
    $('#changes').textContent = text;
  }

  function conversationOf(id) {
    let c = board.conversations.find((x) => x.conversationId === id);
    if (!c) {
      c = { conversationId: id, status: 'ai', band: 'healthy', score: 100 };
      board.conversations.push(c);
    }
    return c;
  }

  function apply(fact) {
    if (!board) {
      return;
    }
    const d = fact.data || {};
    const id = fact.conversationId;
    const agentName = (agentId) => (board.agents.find((a) => a.agentId === agentId) || {}).displayName || agentId;
    switch (fact.type) {
      case 'trust.changed': {
        const c = conversationOf(id);
        c.band = d.band;
        c.score = d.score;
        if (d.band !== 'healthy') {
          announce(t('announceBand', { id, band: word('band', d.band) }));
        }
        break;
      }
      case 'handoff.requested': {
        const c = conversationOf(id);
        c.status = 'queued';
        c.queue = d.queue;
        c.waitingSince = fact.at;
        board.today.handoffs += 1;
        board.today.handoffsByReason[d.reason] = (board.today.handoffsByReason[d.reason] || 0) + 1;
        announce(t('announceWaiting', { id }));
        break;
      }
      case 'handoff.offered':
        conversationOf(id).agentId = d.agentId;
        announce(t('announceOffered', { id, agent: agentName(d.agentId) }));
        break;
      case 'handoff.expired':
        conversationOf(id).agentId = undefined;
        board.today.offersExpired += 1;
        announce(t('announceExpired', { agent: agentName(d.agentId) }));
        break;
      case 'handoff.assigned': {
        const c = conversationOf(id);
        c.status = 'human';
        c.agentId = d.agentId;
        c.waitingSince = undefined;
        board.today.assigned += 1;
        announce(t('announceAssigned', { id, agent: d.agentDisplayName || agentName(d.agentId) }));
        break;
      }
      case 'conversation.ended':
      case 'conversation.erased':
        board.conversations = board.conversations.filter((c) => c.conversationId !== id);
        announce(t('announceEnded', { id }));
        break;
      case 'agent.status.changed': {
        const agent = board.agents.find((a) => a.agentId === fact.agentId);
        if (agent) {
          agent.status = d.status;
        }
        announce(t('announceAgent', { agent: agentName(fact.agentId), status: word('status', d.status) }));
        break;
      }
      default:
        break;
    }
    board.conversations = board.conversations.filter((c) => c.band !== 'healthy' || c.status === 'queued');
    render();
    scheduleRefresh();
  }

  // --- The stream: Server-Sent Events read with fetch, resumed with Last-Event-ID -------------------------------------

  async function connect() {
    if (streamAbort) {
      streamAbort.abort();
    }
    const abort = new AbortController();
    streamAbort = abort;
    streamLive = false;
    setConnection('connecting');
    const extra = { Accept: 'text/event-stream' };
    if (lastEventId) {
      extra['Last-Event-ID'] = lastEventId;
    }
    try {
      const response = await fetch(`/v1/stream?types=${STREAM_TYPES.join(',')}`, { headers: headers(extra), signal: abort.signal, cache: 'no-store' });
      if (response.status === 401 || response.status === 403) {
        signOut(t('keyUnknown'));
        return;
      }
      if (response.status === 400 && lastEventId) {
        // A cursor this cluster never sent (it started anew): read from now, and the board as it is now.
        lastEventId = null;
        scheduleRefresh();
        throw new Error('stream cursor refused');
      }
      if (!response.ok || !response.body) {
        throw new Error(`stream answered ${response.status}`);
      }
      await readEvents(response.body, abort.signal);
    } catch (error) {
      if (abort.signal.aborted) {
        return;
      }
    }
    if (abort.signal.aborted || key === null) {
      return;
    }
    streamLive = false;
    setConnection('reconnecting');
    setTimeout(() => {
      if (streamAbort === abort && key !== null) {
        connect();
      }
    }, reconnectDelay);
    reconnectDelay = Math.min(10000, reconnectDelay * 2);
  }

  async function readEvents(body, signal) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let event = { id: null, type: 'message', data: [] };
    let silence = null;
    const watch = () => {
      clearTimeout(silence);
      // Cancelling the body ends the read below as if the server had closed it: the caller reconnects.
      silence = setTimeout(() => reader.cancel().catch(() => {}), STREAM_SILENCE_MS);
    };
    try {
      watch();
      while (!signal.aborted) {
        const { value, done } = await reader.read();
        if (done) {
          return;
        }
        watch();
        buffer += decoder.decode(value, { stream: true });
        const lines = buffer.split(/\r\n|\r|\n/);
        buffer = lines.pop();
        for (const line of lines) {
          if (line === '') {
            if (event.data.length > 0) {
              dispatch(event);
            }
            event = { id: null, type: 'message', data: [] };
            continue;
          }
          if (line.startsWith(':')) {
            if (line.startsWith(': ready')) {
              // The stream is live from here: read the board once, so nothing between the two is missed.
              streamLive = true;
              setConnection('live');
              reconnectDelay = 1000;
              scheduleRefresh();
            }
            continue;
          }
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let value = colon < 0 ? '' : line.slice(colon + 1);
          if (value.startsWith(' ')) {
            value = value.slice(1);
          }
          if (field === 'id') {
            event.id = value;
          } else if (field === 'event') {
            event.type = value;
          } else if (field === 'data') {
            event.data.push(value);
          }
        }
      }
    } finally {
      clearTimeout(silence);
    }
  }

  function dispatch(event) {
    if (event.id !== null) {
      lastEventId = event.id;
    }
    try {
      apply(JSON.parse(event.data.join('\n')));
    } catch {
      scheduleRefresh();
    }
  }

  // --- Start ---------------------------------------------------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', () => {
    $('#sign-in').addEventListener('submit', signIn);
    $('#sign-out').addEventListener('click', () => signOut(''));
    $('#language').addEventListener('change', (e) => setLanguage(e.target.value));
    setLanguage(preferredLanguage());
    // Waits count up between reads; the board is also read again now and then for what no fact tells (loads).
    setInterval(tick, 1000);
    setInterval(() => {
      if (key !== null && board !== null) {
        scheduleRefresh();
      }
    }, 15000);
    const kept = sessionStorage.getItem(KEY_ITEM);
    if (kept) {
      key = kept;
      refresh().then((ok) => {
        if (ok) {
          showBoard();
        }
      });
    } else {
      $('#key').focus();
    }
  });
})();

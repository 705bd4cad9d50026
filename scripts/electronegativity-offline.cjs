// Loaded before electronegativity (node --require): its network calls (a translations
// file for $LANG, Electron's release list) go nowhere from here, and on Node 24 the
// failed request crashes the tool (got 11 + p-cancelable). `got` answers "offline" at once.
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'got') {
    const offline = () => Promise.reject(new Error('offline: electronegativity runs without network here'));
    offline.head = offline;
    offline.get = offline;
    return offline;
  }
  return load.call(this, request, parent, isMain);
};

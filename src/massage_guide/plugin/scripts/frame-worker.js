/*
 * Search in the offline copy, opened from a folder (file://). Material's search runs in a Web
 * Worker, and Chromium starts no worker from a file:// page; so here the worker's script runs in
 * a hidden frame of the page instead. (Material's offline plugin uses the `iframe-worker` shim for
 * this, which writes an inline script into the frame: the page's Content-Security-Policy refuses
 * it. This one writes none, so the offline copy keeps the published site's policy.)
 * Only the offline copy loads it (massage_guide/plugin/offline.py); on a web address it does nothing.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  function FrameWorker(url) {
    var worker = new EventTarget();
    var frame = document.createElement("iframe");
    frame.hidden = true;
    document.body.appendChild(frame);
    var inner = frame.contentWindow;

    function deliver(to, data, handler) {
      var event = new MessageEvent("message", { data: structuredClone(data) });
      setTimeout(function () {
        to.dispatchEvent(event);
        if (handler && to[handler]) to[handler](event);
      }, 0);
    }

    // What the worker's script calls in its frame: postMessage answers the page; importScripts
    // loads scripts one after the other and returns a Promise (Material's worker awaits it).
    inner.postMessage = function (data) {
      deliver(worker, data, "onmessage");
    };
    inner.importScripts = function () {
      return Array.prototype.reduce.call(arguments, function (loaded, src) {
        return loaded.then(function () {
          return new Promise(function (resolve, reject) {
            var script = inner.document.createElement("script");
            script.src = src;
            script.onload = resolve;
            script.onerror = reject;
            inner.document.body.appendChild(script);
          });
        });
      }, Promise.resolve());
    };
    var started = inner.importScripts(url);

    worker.postMessage = function (data) {
      started.then(function () {
        deliver(inner, data);
      });
    };
    worker.terminate = function () {
      frame.remove();
    };
    return worker;
  }

  window.Worker = FrameWorker;
  // The name Material's worker looks for in its parent: then it finds its language scripts
  // (lunr.es.min.js) beside its own file, not beside the page.
  window.IFrameWorker = FrameWorker;
})();

// Manual check (not run by CI): renders an EXECUTED notebook's text/html outputs, in order, in one jsdom window
// (as VS Code's single output webview does), with an AMD loader present (as in Jupyter), and reports whether plotly.js
// loaded from the setup cell's output and drew every ClusterLab figure.
//   npm install --prefix /tmp/jsdom jsdom@26
//   NODE_PATH=/tmp/jsdom/node_modules node render-in-jsdom.js executed.ipynb [--skip-setup]
// jsdom lacks canvas and some SVG geometry, so plotly may log a few errors; "drawn" counts figures that got an svg.
const fs = require("fs");
const { JSDOM, VirtualConsole } = require("jsdom");
const [path, flag] = process.argv.slice(2);
const text = v => (Array.isArray(v) ? v.join("") : String(v));
let outputs = JSON.parse(fs.readFileSync(path, "utf8")).cells
  .flatMap(c => c.outputs || []).filter(o => o.data && o.data["text/html"]).map(o => text(o.data["text/html"]));
if (flag === "--skip-setup") outputs = outputs.filter(h => !h.includes("plotly.js v2"));
const errors = [];
const vc = new VirtualConsole();
vc.on("jsdomError", e => errors.push(e.message.slice(0, 200)));
const w = new JSDOM("<!DOCTYPE html><html><head></head><body></body></html>", { runScripts: "dangerously", pretendToBeVisual: true, virtualConsole: vc }).window;
w.define = function () { throw new Error("AMD define must not be used"); };
w.define.amd = {};
w.URL.createObjectURL = () => "blob:x";
w.HTMLCanvasElement.prototype.getContext = () => null;
for (const html of outputs) {
  const div = w.document.createElement("div");
  div.innerHTML = html;
  w.document.body.appendChild(div);
  for (const old of Array.from(div.querySelectorAll("script"))) { // notebook renderers re-create scripts so they run
    const s = w.document.createElement("script");
    s.textContent = old.textContent;
    old.replaceWith(s);
  }
}
setTimeout(() => {
  const figs = Array.from(w.document.querySelectorAll(".clusterlab-figure"));
  const drawn = figs.filter(f => f.querySelector("svg")).length;
  const notDrawn = figs.filter(f => /Chart not drawn/.test(f.textContent)).length;
  console.log(JSON.stringify({ plotly: w.Plotly ? w.Plotly.version : null, figures: figs.length, drawn, notDrawn, errors: errors.slice(0, 5) }));
  process.exit(figs.length > 0 && (flag === "--skip-setup" ? notDrawn === figs.length : drawn === figs.length) ? 0 : 1);
}, flag === "--skip-setup" ? 11000 : 3000);

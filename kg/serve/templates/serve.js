// The query page of kg serve. Everything shown from the store goes in as text (textContent), never as
// markup, and requests go to this server only.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  let queries = [];
  let chosen = null; // the named query whose text is in the editor, untouched

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function status(text, error) {
    $("status").textContent = text;
    $("status").className = error ? "error" : "";
  }

  function showParams(query) {
    const box = $("params");
    box.replaceChildren();
    for (const p of query ? query.parameters : []) {
      const row = el("div");
      const label = el("label", p.name + (p.required ? " *" : ""));
      const input = el("input");
      input.id = "param-" + p.name;
      input.dataset.param = p.name;
      input.placeholder = p.description;
      label.htmlFor = input.id;
      row.append(label, input);
      box.append(row);
    }
  }

  function choose() {
    const name = $("named").value;
    chosen = queries.find((q) => q.name === name) || null;
    $("description").textContent = chosen ? chosen.description : "";
    if (chosen) $("query").value = chosen.text;
    showParams(chosen);
  }

  function cell(term) {
    if (!term) return el("td", "", "unbound");
    if (term.type === "uri") return el("td", term.value, "iri");
    if (term.type === "bnode") return el("td", "_:" + term.value);
    return el("td", term.value);
  }

  function render(data) {
    const head = $("results").tHead;
    const body = $("results").tBodies[0];
    head.replaceChildren();
    body.replaceChildren();
    if (typeof data.boolean === "boolean") {
      const row = el("tr");
      row.append(el("td", String(data.boolean)));
      body.append(row);
      return 1;
    }
    const vars = data.head.vars || [];
    const top = el("tr");
    for (const v of vars) top.append(el("th", v));
    head.append(top);
    for (const binding of data.results.bindings) {
      const row = el("tr");
      for (const v of vars) row.append(cell(binding[v]));
      body.append(row);
    }
    return data.results.bindings.length;
  }

  function request(format) {
    const accept = { json: "application/sparql-results+json", xml: "application/sparql-results+xml",
                     csv: "text/csv", tsv: "text/tab-separated-values" }[format || "json"];
    if (chosen && $("query").value === chosen.text && chosen.parameters.length) {
      const params = new URLSearchParams();
      for (const input of $("params").querySelectorAll("input")) {
        if (input.value) params.set(input.dataset.param, input.value);
      }
      return fetch("/named/" + encodeURIComponent(chosen.name) + "?" + params, { headers: { Accept: accept } });
    }
    return fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
      body: new URLSearchParams({ query: $("query").value }),
    });
  }

  async function run() {
    const started = performance.now();
    status("running…");
    try {
      const response = await request("json");
      const text = await response.text();
      if (!response.ok) {
        status(text.trim() || response.statusText, true);
        return;
      }
      const type = response.headers.get("Content-Type") || "";
      if (!type.includes("json")) {
        $("results").tHead.replaceChildren();
        const row = el("tr");
        row.append(el("td", text));
        $("results").tBodies[0].replaceChildren(row);
        status("graph result");
        return;
      }
      const count = render(JSON.parse(text));
      const truncated = response.headers.get("X-KG-Truncated") === "true" ? " (cut at the server's row limit)" : "";
      status(count + " row(s) in " + Math.round(performance.now() - started) + " ms" + truncated);
      window.kgServe.rows = count;
      const format = $("format").value;
      if (format) await download(format);
    } catch (error) {
      status(String(error), true);
    }
  }

  async function download(format) {
    const response = await request(format);
    const blob = await response.blob();
    const link = el("a");
    link.href = URL.createObjectURL(blob);
    link.download = "results." + format;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  async function start() {
    $("named").addEventListener("change", choose);
    $("run").addEventListener("click", run);
    $("query").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
    try {
      const response = await fetch("/queries");
      queries = await response.json();
      for (const q of queries) {
        const option = el("option", q.name + " — " + q.description);
        option.value = q.name;
        $("named").append(option);
      }
    } catch (error) {
      status("could not list the named queries: " + error, true);
    }
    window.kgServe.ready = true;
  }

  window.kgServe = { ready: false, rows: null, run: run };
  start();
})();

// rasoat serve: the page. Plain JavaScript, no build step, nothing loaded from elsewhere.
// Text that comes from a draft is only ever put in the page with textContent (never innerHTML),
// so markup or entities in a draft are shown as written and never run.
"use strict";

const T = {
  vi: {
    subtitle: "rà soát dự thảo THÔNG BÁO theo Nghị định 30/2020/NĐ-CP",
    offline: "Không văn bản nào rời khỏi máy này", input_title: "Dự thảo",
    drop: "Kéo thả tệp .docx, .txt, .md vào đây, hoặc bấm để chọn tệp",
    paste: "Hoặc dán văn bản", paste_placeholder: "Dán nội dung dự thảo vào đây…", check_text: "Rà soát văn bản đã dán",
    settings: "Tùy chọn", stage: "Giai đoạn", stage_config: "theo cấu hình", stage_draft: "Dự thảo", stage_issued: "Đã ban hành",
    tone: "Kiểu bỏ dấu", tone_config: "theo cấu hình", tone_consistent: "thống nhất trong văn bản",
    select: "Chỉ chạy quy tắc", ignore: "Bỏ qua quy tắc", today: "Hôm nay", recheck: "Rà soát lại",
    dl_reviewed: "Tải bản .docx có nhận xét", dl_fixed: "Bản đã sửa (sửa an toàn)…", dl_json: "Tải JSON",
    tab_doc: "Văn bản và phát hiện", tab_tasks: "Nhiệm vụ", tab_cits: "Trích dẫn",
    findings: "Phát hiện", family: "Nhóm", all: "tất cả", sev_error: "lỗi", sev_warning: "cảnh báo", sev_info: "thông tin",
    dl_csv: "Xuất CSV (Excel)", col_line: "Dòng", col_item: "Mục", col_task: "Nhiệm vụ", col_lead: "Chủ trì",
    col_support: "Phối hợp", col_deadline: "Thời hạn", col_date: "Ngày hạn", col_findings: "Phát hiện",
    col_first: "Lần đầu", col_type: "Loại", col_symbol: "Số, ký hiệu", col_cdate: "Ngày", col_issuer: "Cơ quan ban hành",
    col_summary: "Trích yếu / tên", close: "Đóng",
    checking: "Đang rà soát {name}…", done: "{name}: {n} phát hiện.", failed: "Không rà soát được: {msg}",
    dat: "Đạt", "can-sua": "Cần sửa", "khong-dat": "Không đạt", unreadable: "Không đọc được",
    counts: "{e} lỗi, {w} cảnh báo, {i} thông tin", suggestion: "gợi ý", clause: "căn cứ", explain: "Giải thích",
    line: "dòng", para: "đoạn", tasks_n: "{n} nhiệm vụ", cits_n: "{n} trích dẫn", overdue: "quá hạn",
    inherited: "kế thừa", fixed_title: "Bản đã sửa: {n} chỗ sửa an toàn", fixed_none: "Không có lỗi nào sửa tự động được một cách an toàn.",
    download: "Tải bản đã sửa", no_docx: "Chỉ tạo được bản có nhận xét cho tệp .docx.", none: "Không có phát hiện nào.",
    not_evaluated: "Chưa đánh giá: {x} (chỉ có với tệp .docx)",
    role: {quoc_hieu: "Quốc hiệu", tieu_ngu: "Tiêu ngữ", issuer: "Cơ quan ban hành", so_ky_hieu: "Số, ký hiệu",
      place_date: "Địa danh, ngày", title: "Tên loại", trich_yeu: "Trích yếu", can_cu: "Căn cứ", opening: "Mở đầu",
      closing: "Kết thúc", noi_nhan: "Nơi nhận", recipient: "Nơi nhận", luu: "Lưu", authority: "Thẩm quyền ký",
      sig_title: "Chức vụ", signer: "Người ký", annex: "Phụ lục"},
    family_names: {structure: "cấu trúc", deadline: "thời hạn", assignee: "đầu mối", agency: "cơ quan", citation: "trích dẫn",
      numbering: "đánh số", language: "ngôn ngữ", layout: "trình bày", input: "đầu vào"},
  },
  en: {
    subtitle: "checks draft THÔNG BÁO notices against Decree 30/2020/NĐ-CP",
    offline: "No document leaves this machine", input_title: "Draft",
    drop: "Drop a .docx, .txt or .md file here, or click to choose one",
    paste: "Or paste text", paste_placeholder: "Paste the draft here…", check_text: "Check the pasted text",
    settings: "Settings", stage: "Stage", stage_config: "from the configuration", stage_draft: "Draft", stage_issued: "Issued",
    tone: "Tone marks", tone_config: "from the configuration", tone_consistent: "consistent in the document",
    select: "Only rules", ignore: "Ignore rules", today: "Today", recheck: "Check again",
    dl_reviewed: "Download .docx with comments", dl_fixed: "Fixed copy (safe fixes)…", dl_json: "Download JSON",
    tab_doc: "Document and findings", tab_tasks: "Tasks", tab_cits: "Citations",
    findings: "Findings", family: "Family", all: "all", sev_error: "error", sev_warning: "warning", sev_info: "info",
    dl_csv: "Export CSV (Excel)", col_line: "Line", col_item: "Item", col_task: "Task", col_lead: "Lead",
    col_support: "Support", col_deadline: "Deadline", col_date: "Due date", col_findings: "Findings",
    col_first: "First", col_type: "Type", col_symbol: "Number-symbol", col_cdate: "Date", col_issuer: "Issuer",
    col_summary: "Summary / name", close: "Close",
    checking: "Checking {name}…", done: "{name}: {n} findings.", failed: "Could not check: {msg}",
    dat: "Pass", "can-sua": "Needs changes", "khong-dat": "Fail", unreadable: "Unreadable",
    counts: "{e} errors, {w} warnings, {i} info", suggestion: "suggestion", clause: "rule", explain: "Explain",
    line: "line", para: "paragraph", tasks_n: "{n} tasks", cits_n: "{n} citations", overdue: "overdue",
    inherited: "inherited", fixed_title: "Fixed copy: {n} safe fixes", fixed_none: "Nothing can be fixed automatically and safely.",
    download: "Download the fixed copy", no_docx: "Comments can only be added to a .docx file.", none: "No findings.",
    not_evaluated: "Not evaluated: {x} (only for .docx files)",
    role: {quoc_hieu: "National title", tieu_ngu: "Motto", issuer: "Issuer", so_ky_hieu: "Number", place_date: "Place, date",
      title: "Type", trich_yeu: "Summary", can_cu: "Grounds", opening: "Opening", closing: "Closing", noi_nhan: "Recipients",
      recipient: "Recipients", luu: "Filed", authority: "Authority", sig_title: "Position", signer: "Signer", annex: "Annex"},
    family_names: {structure: "structure", deadline: "deadline", assignee: "assignee", agency: "agency", citation: "citation",
      numbering: "numbering", language: "language", layout: "layout", input: "input"},
  },
};

const $ = (sel) => document.querySelector(sel);
const state = {lang: document.body.dataset.lang === "en" ? "en" : "vi", upload: null, data: null, sort: {key: "line", dir: 1}, active: null};

function t(key, args) {
  let s = T[state.lang][key];
  if (s === undefined) s = T.vi[key] || key;
  for (const [k, v] of Object.entries(args || {})) s = s.split("{" + k + "}").join(String(v));
  return s;
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);  // strings become text nodes
  return e;
}

function applyLang() {
  document.documentElement.lang = state.lang;
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  for (const e of document.querySelectorAll("[data-i18n-placeholder]")) e.placeholder = t(e.dataset.i18nPlaceholder);
  $("#lang-switch").textContent = state.lang === "vi" ? "EN" : "VI";
}

function setStatus(msg, bad) {
  const s = $("#status");
  s.textContent = msg;
  s.classList.toggle("bad", !!bad);
}

// ------------------------------------------------------------------------------------ requests

function form(extra) {
  const f = new FormData();
  if (state.upload.file) f.append("file", state.upload.file, state.upload.name);
  else { f.append("text", state.upload.text); f.append("filename", state.upload.name); }
  for (const id of ["stage", "tone_style", "select", "ignore", "today"]) {
    const v = $("#" + id).value.trim();
    if (v) f.append(id, v);
  }
  f.append("lang", state.lang);
  for (const [k, v] of Object.entries(extra || {})) f.append(k, v);
  return f;
}

async function post(path, extra) {
  const r = await fetch(path, {method: "POST", body: form(extra)});
  return r;
}

async function errorOf(r) {
  try {
    const j = await r.json();
    if (j.error) return j.error;
    if (j.file && j.file.diagnostics && j.file.diagnostics.length) return j.file.diagnostics[0].message;
    if (j.files && j.files[0] && j.files[0].diagnostics.length) return j.files[0].diagnostics[0].message;
  } catch (e) { /* not JSON */ }
  return r.status + " " + r.statusText;
}

async function review() {
  if (!state.upload) return;
  setStatus(t("checking", {name: state.upload.name}));
  $("#recheck").disabled = true;
  let r;
  try {
    r = await post("/api/review");
  } catch (e) {
    setStatus(t("failed", {msg: String(e)}), true);
    $("#recheck").disabled = false;
    return;
  }
  $("#recheck").disabled = false;
  if (!r.ok) {
    $("#result").hidden = true;
    setStatus(t("failed", {msg: await errorOf(r)}), true);
    return;
  }
  state.data = await r.json();
  state.active = null;
  render();
  setStatus(t("done", {name: state.data.filename, n: state.data.file.diagnostics.length}));
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el("a", {href: url, download: name});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function nameFrom(r, fallback) {
  const cd = r.headers.get("content-disposition") || "";
  const m = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  return m ? decodeURIComponent(m[1]) : fallback;
}

async function fetchDownload(path, extra, fallback) {
  const r = await post(path, extra);
  if (!r.ok) { setStatus(t("failed", {msg: await errorOf(r)}), true); return; }
  download(await r.blob(), nameFrom(r, fallback));
}

// ------------------------------------------------------------------------------------ rendering

function render() {
  const d = state.data;
  $("#result").hidden = false;
  const f = d.file;
  const v = $("#verdict");
  v.className = "verdict v-" + f.verdict;
  v.replaceChildren(el("strong", {text: t(f.verdict)}), " ",
    el("span", {text: t("counts", {e: f.counts.error, w: f.counts.warning, i: f.counts.info})}));
  if (f.not_evaluated.length) v.append(el("span", {class: "muted", text: " · " + t("not_evaluated", {x: f.not_evaluated.join(", ")})}));
  $("#dl-reviewed").disabled = !d.docx;
  $("#dl-reviewed").title = d.docx ? "" : t("no_docx");
  const fam = $("#f-family");
  const keep = fam.value;
  fam.replaceChildren(el("option", {value: "", text: t("all")}));
  for (const c of [...new Set(f.diagnostics.map((x) => x.category))].sort())
    fam.append(el("option", {value: c, text: (T[state.lang].family_names[c] || c)}));
  fam.value = [...fam.options].some((o) => o.value === keep) ? keep : "";
  renderDoc();
  renderFindings();
  renderTasks();
  renderCitations();
}

const SEV = {error: 3, warning: 2, info: 1};

function renderDoc() {
  const d = state.data;
  const diags = d.file.diagnostics;
  const byPara = new Map();
  diags.forEach((x, k) => {
    if (!x.place) return;
    if (!byPara.has(x.place.para)) byPara.set(x.place.para, []);
    byPara.get(x.place.para).push(k);
  });
  const doc = $("#doc");
  doc.replaceChildren();
  for (const p of d.paragraphs) {
    const ks = byPara.get(p.index) || [];
    const cls = ["para"];
    if (p.role) cls.push("role-" + p.role);
    if (p.footnote) cls.push("footnote");
    if (p.bold) cls.push("bold");
    if (ks.length) cls.push("has-finding", "sev-" + worst(ks.map((k) => diags[k].severity)));
    const node = el("p", {class: cls.join(" "), id: "para-" + p.index, "data-para": p.index, "data-line": p.line});
    if (p.role && T[state.lang].role[p.role]) node.append(el("span", {class: "role-tag", text: T[state.lang].role[p.role], "aria-hidden": "true"}));
    // (a .docx paragraph's text already starts with its Word numbering label, as rasoat reads it)
    appendMarked(node, p.text, ks, diags);
    doc.append(node);
  }
}

function worst(sevs) {
  return sevs.reduce((a, s) => (SEV[s] > SEV[a] ? s : a), "info");
}

function appendMarked(node, text, ks, diags) {
  // split the text at every start and end of a finding; each piece knows the findings over it
  const cuts = new Set([0, text.length]);
  const pins = new Map();
  for (const k of ks) {
    const pl = diags[k].place;
    if (pl.end > pl.start) { cuts.add(pl.start); cuts.add(Math.min(pl.end, text.length)); }
    else { if (!pins.has(pl.start)) pins.set(pl.start, []); pins.get(pl.start).push(k); cuts.add(pl.start); }
  }
  const points = [...cuts].filter((x) => x <= text.length).sort((a, b) => a - b);
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    for (const k of pins.get(a) || [])
      node.append(el("span", {class: "pin sev-" + diags[k].severity, "data-d": k, title: diags[k].code + " " + diags[k].message, text: "▸"}));
    if (i + 1 >= points.length) break;
    const b = points[i + 1];
    const piece = text.slice(a, b);
    const over = ks.filter((k) => { const pl = diags[k].place; return pl.end > pl.start && pl.start <= a && pl.end >= b; });
    if (!over.length) { node.append(piece); continue; }
    node.append(el("mark", {class: "sev-" + worst(over.map((k) => diags[k].severity)), "data-d": " " + over.join(" ") + " ",
      title: over.map((k) => diags[k].code + " " + diags[k].message).join("\n"), text: piece}));
  }
}

function renderFindings() {
  const diags = state.data.file.diagnostics;
  const fam = $("#f-family").value;
  const sevs = new Set([...document.querySelectorAll(".f-sev")].filter((c) => c.checked).map((c) => c.value));
  const list = $("#findings");
  list.replaceChildren();
  let shown = 0;
  diags.forEach((x, k) => {
    if ((fam && x.category !== fam) || !sevs.has(x.severity)) return;
    shown++;
    const where = el("span", {class: "where", text: (state.data.docx ? t("para") : t("line")) + " " + x.line + ":" + x.column});
    const body = el("div", {class: "finding-body"},
      el("div", {class: "finding-head"}, el("span", {class: "code", text: x.code}), " ",
        el("span", {class: "sev sev-" + x.severity, text: t("sev_" + x.severity)}), " ", where),
      el("div", {class: "message", text: x.message}));
    if (x.hint) body.append(el("div", {class: "hint", text: x.hint}));
    if (x.suggestion) body.append(el("div", {class: "suggestion"}, el("span", {class: "muted", text: t("suggestion") + ": "}), el("code", {text: x.suggestion})));
    if (x.clause) body.append(el("div", {class: "clause muted", text: t("clause") + ": " + x.clause}));
    const item = el("li", {class: "finding sev-" + x.severity, id: "finding-" + k, "data-d": k, "data-code": x.code},
      el("button", {type: "button", class: "goto", "aria-label": x.code + " " + x.message, onclick: () => select(k)}, body),
      el("button", {type: "button", class: "explain", onclick: () => explain(x.code), text: t("explain")}));
    list.append(item);
  });
  if (!shown) list.append(el("li", {class: "muted", text: t("none")}));
}

function select(k) {
  for (const e of document.querySelectorAll(".active")) e.classList.remove("active");
  state.active = k;
  const x = state.data.file.diagnostics[k];
  const li = $("#finding-" + k);
  if (li) { li.classList.add("active"); reveal($(".findings"), li); }
  if (!x.place) return;
  const p = $("#para-" + x.place.para);
  if (!p) return;
  p.classList.add("active");
  for (const m of p.querySelectorAll("[data-d]")) if ((" " + m.dataset.d + " ").includes(" " + k + " ")) m.classList.add("active");
  reveal($("#doc"), p);
}

function reveal(box, item) {
  // scroll the panel, not the whole page, so the findings list stays where the clerk is
  const top = item.offsetTop - box.clientHeight / 3;
  if (item.offsetTop < box.scrollTop || item.offsetTop + item.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = Math.max(0, top);
}

async function explain(code) {
  const r = await fetch("/api/explain/" + encodeURIComponent(code) + "?lang=" + state.lang);
  const j = await r.json();
  showDialog(j.error ? code : j.code + " — " + j.title, j.error || j.doc);
}

function showDialog(title, body, okLabel, onOk) {
  $("#dialog-title").textContent = title;
  $("#dialog-body").textContent = body;
  const ok = $("#dialog-ok");
  ok.hidden = !onOk;
  ok.textContent = okLabel || "";
  ok.onclick = onOk ? () => { $("#dialog").close(); onOk(); } : null;
  $("#dialog").showModal();
}

// ------------------------------------------------------------------------------------ tables

function owners(rec, role) {
  return rec.owners.filter((o) => o.role === role).map((o) => o.name + (o.inherited ? " (" + t("inherited") + ")" : "")).join("; ");
}

function taskRow(rec) {
  const d = rec.deadline || {};
  return {line: rec.line, item: rec.item || "", text: rec.text, lead: owners(rec, "lead"), support: owners(rec, "support"),
    deadline: d.text || "", date: d.date || "", kind: d.kind || "", findings: rec.findings.map((f) => f.code).join(" "), rec};
}

function todayValue() {
  return $("#today").value || new Date().toISOString().slice(0, 10);
}

function renderTasks() {
  const rows = state.data.tasks.map(taskRow);
  const {key, dir} = state.sort;
  rows.sort((a, b) => (typeof a[key] === "number" ? a[key] - b[key] : String(a[key]).localeCompare(String(b[key]), "vi")) * dir || a.line - b.line);
  const today = todayValue();
  const body = $("#tasks tbody");
  body.replaceChildren();
  for (const r of rows) {
    const overdue = r.date && r.date < today;
    const dateCell = el("td", {class: "date"}, el("time", {datetime: r.date, text: r.date}));
    if (overdue) dateCell.append(" ", el("span", {class: "overdue", text: t("overdue")}));
    body.append(el("tr", {class: overdue ? "is-overdue" : null, "data-line": r.line},
      el("td", {text: r.line}), el("td", {text: r.item}), el("td", {class: "task-text", text: r.text}),
      el("td", {text: r.lead}), el("td", {text: r.support}), el("td", {text: r.deadline}), dateCell,
      el("td", {text: r.findings, title: r.rec.findings.map((f) => f.code + " " + f.message).join("\n")})));
  }
  $("#tasks-count").textContent = t("tasks_n", {n: rows.length});
  for (const b of document.querySelectorAll("#tasks th button"))
    b.parentElement.setAttribute("aria-sort", b.dataset.sort === key ? (dir > 0 ? "ascending" : "descending") : "none");
}

function renderCitations() {
  const body = $("#cits tbody");
  body.replaceChildren();
  for (const c of state.data.citations) {
    const summary = c.trich_yeu || (c.name ? c.name + (c.law_year ? " (" + c.law_year + ")" : "") : "");
    body.append(el("tr", {},
      el("td", {text: c.line + ":" + c.column}), el("td", {text: c.first ? "✓" : "→ " + c.first_line}),
      el("td", {text: c.type || "?"}), el("td", {text: c.symbol || c.number || ""}), el("td", {text: c.date || ""}),
      el("td", {text: c.issuer || ""}), el("td", {text: summary}),
      el("td", {text: c.findings.map((f) => f.code).join(" "), title: c.findings.map((f) => f.code + " " + f.message).join("\n")})));
  }
  $("#cits-count").textContent = t("cits_n", {n: state.data.citations.length});
}

function showTab(id) {
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const on = tab.id === id;
    tab.setAttribute("aria-selected", on ? "true" : "false");
    tab.tabIndex = on ? 0 : -1;
    $("#" + tab.getAttribute("aria-controls")).hidden = !on;
  }
}

// ------------------------------------------------------------------------------------ wiring

function useFile(file) {
  if (!file) return;
  state.upload = {file, name: file.name};
  review();
}

function init() {
  applyLang();
  $("#file").addEventListener("change", (e) => useFile(e.target.files[0]));
  const drop = $("#drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); useFile(e.dataTransfer.files[0]); });
  $("#paste-check").addEventListener("click", () => {
    const text = $("#paste").value;
    if (!text.trim()) return;
    state.upload = {text, name: "du-thao.txt"};
    review();
  });
  $("#recheck").addEventListener("click", review);
  for (const id of ["stage", "tone_style"]) $("#" + id).addEventListener("change", () => state.upload && review());
  $("#today").addEventListener("change", () => state.upload && review());
  $("#lang-switch").addEventListener("click", () => {
    state.lang = state.lang === "vi" ? "en" : "vi";
    applyLang();
    if (state.upload) review();
  });
  $("#f-family").addEventListener("change", renderFindings);
  for (const c of document.querySelectorAll(".f-sev")) c.addEventListener("change", renderFindings);
  for (const b of document.querySelectorAll("#tasks th button")) b.addEventListener("click", () => {
    const key = b.dataset.sort;
    state.sort = {key, dir: state.sort.key === key ? -state.sort.dir : 1};
    renderTasks();
  });
  const tabs = [...document.querySelectorAll("[role=tab]")];
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => showTab(tab.id));
    tab.addEventListener("keydown", (e) => {
      if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
      const next = tabs[(i + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
      showTab(next.id);
      next.focus();
    });
  });
  $("#dl-reviewed").addEventListener("click", () => fetchDownload("/api/annotate", {}, "reviewed.docx"));
  $("#dl-json").addEventListener("click", () => fetchDownload("/api/check", {}, "rasoat.json"));
  $("#dl-tasks").addEventListener("click", () => fetchDownload("/api/tasks?format=csv", {}, "nhiem-vu.csv"));
  $("#dl-cits").addEventListener("click", () => fetchDownload("/api/citations?format=csv", {}, "trich-dan.csv"));
  $("#dl-fixed").addEventListener("click", async () => {
    const r = await post("/api/fix", {format: "diff"});
    if (!r.ok) { setStatus(t("failed", {msg: await errorOf(r)}), true); return; }
    const j = await r.json();
    if (!j.count) { showDialog(t("fixed_none"), ""); return; }
    showDialog(t("fixed_title", {n: j.count}), j.diff, t("download"), () => fetchDownload("/api/fix", {format: "file"}, j.filename));
  });
  $("#dialog-close").addEventListener("click", () => $("#dialog").close());
}

init();

// Runs before the bundle, in every webview Office may use. Plain ES5 on purpose: Office 2016/2019
// volume-licensed (and retail without WebView2) show add-ins in Internet Explorer 11 (Trident) or
// Microsoft Edge Legacy (EdgeHTML), which cannot parse the ES2020 bundle ("Browsers and webview controls
// used by Office Add-ins"). There, and wherever the bundle fails to start, this says so instead of a blank pane.
(function () {
  'use strict';
  var NOTICE_ID = 'legacy-host-notice';

  function isLegacyWebview(userAgent) {
    // Chromium Edge says "Edg/"; only Edge Legacy says "Edge/<version>".
    return /Trident\/|MSIE /.test(userAgent) || /\bEdge\/\d/.test(userAgent);
  }

  function standaloneAddress() {
    return String(window.location.href).replace(/[?#].*$/, '').replace(/[^/]*$/, 'index.html');
  }

  function paragraph(text, lang) {
    var p = document.createElement('p');
    p.textContent = text;
    if (lang) p.setAttribute('lang', lang);
    return p;
  }

  function showNotice() {
    if (document.getElementById(NOTICE_ID) || !document.body) return;
    var address = standaloneAddress();
    var notice = document.createElement('div');
    notice.id = NOTICE_ID;
    notice.setAttribute('role', 'alert');
    notice.style.cssText = 'font-family: "Microsoft YaHei", "Segoe UI", sans-serif; padding: 12px; line-height: 1.6; color: #242424;';
    var title = document.createElement('h1');
    title.style.cssText = 'font-size: 18px; margin: 0 0 8px;';
    title.textContent = '此版本的 Office 无法运行绩效目标表助手';
    notice.appendChild(title);
    notice.appendChild(paragraph('您的 Excel 用旧版浏览器组件（Internet Explorer 11 或旧版 Microsoft Edge）显示加载项，本加载项无法在其中运行。Office 2016、Office 2019 的批量许可版，以及未安装 WebView2 的零售版都属于这种情况。'));
    notice.appendChild(paragraph('怎么办：'));
    var steps = document.createElement('ol');
    var web = document.createElement('li');
    web.appendChild(document.createTextNode('改用网页版检查器：在 Edge、Chrome 等新版浏览器中打开 '));
    var link = document.createElement('a');
    link.href = address;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = address;
    web.appendChild(link);
    web.appendChild(document.createTextNode('，打开表格文件即可检查，不需要 Excel。'));
    steps.appendChild(web);
    var office = document.createElement('li');
    office.textContent = '或改用 Microsoft 365、Office 2021 及更高版本，并安装 Microsoft Edge WebView2 运行时（Windows 11 已自带），然后重新打开本加载项。';
    steps.appendChild(office);
    notice.appendChild(steps);
    notice.appendChild(paragraph('This Office version shows add-ins in Internet Explorer 11 or legacy Edge, which this add-in does not support. Open the standalone checker (' + address + ') in a modern browser, or use Microsoft 365 / Office 2021 or later with the WebView2 runtime.', 'en'));
    var root = document.getElementById('root');
    if (root) root.style.display = 'none';
    document.body.insertBefore(notice, document.body.firstChild);
  }

  function onReady(run) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
    else run();
  }

  if (isLegacyWebview(String(navigator.userAgent))) {
    // Read by the bundle, should it parse after all: it then renders nothing.
    window.__jixiaoLegacyHost = true;
    onReady(showNotice);
    return;
  }

  // Another browser too old for the bundle: a syntax error while parsing it, or no boot flag once all loaded.
  window.addEventListener('error', function (event) {
    var error = event.error;
    var message = String(event.message || '');
    if ((error && error.name === 'SyntaxError') || /SyntaxError|syntax error/i.test(message)) onReady(showNotice);
  });
  window.addEventListener('load', function () {
    if (window.__jixiaoBooted !== true) showNotice();
  });
})();

#!/usr/bin/env node
// `npm start`: builds and serves the task pane and the standalone web checker with webpack-dev-server
// on https://localhost:3000 (http when certificates cannot be set up) until Ctrl+C.
// Excel only loads add-ins over https, so it first tries office-addin-dev-certs; without it, plain http
// still lets the page be opened in a browser, but sideloading into Excel will not work.
'use strict';
const path = require('node:path');
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
const makeConfig = require('../webpack.config.js');

async function httpsOptions() {
  let devCerts;
  try {
    devCerts = require('office-addin-dev-certs');
  } catch {
    return { options: null, reason: 'office-addin-dev-certs 未安装 / is not installed' };
  }
  try {
    // Creates ~/.office-addin-dev-certs and trusts its CA on first use (may ask for sudo).
    const { ca, cert, key } = await devCerts.getHttpsServerOptions();
    return { options: { ca, cert, key }, reason: null };
  } catch (err) {
    return { options: null, reason: err instanceof Error ? err.message : String(err) };
  }
}

async function main() {
  const config = makeConfig({}, { mode: 'development' });
  const { options, reason } = await httpsOptions();
  if (!options) {
    console.warn(
      [
        '',
        '⚠ 无法启用 HTTPS，改用 HTTP。Excel 只加载 HTTPS 上的加载项：旁加载前须生成并信任开发证书：',
        '⚠ HTTPS is not available, falling back to HTTP. Excel only loads add-ins over HTTPS, so',
        '  sideloading needs trusted development certificates first:',
        '    npx office-addin-dev-certs install    (Linux 上需要 sudo / needs sudo on Linux)',
        '  然后重新运行本脚本 / then run this script again.',
        `  原因 / reason: ${reason}`,
        '',
      ].join('\n'),
    );
  }
  const devServerOptions = {
    ...config.devServer,
    server: options ? { type: 'https', options } : 'http',
  };
  const compiler = webpack(config);
  const server = new WebpackDevServer(devServerOptions, compiler);
  await server.start();

  const scheme = options ? 'https' : 'http';
  const base = `${scheme}://localhost:${devServerOptions.port}`;
  console.log(
    [
      '',
      `网页版检查器 / Standalone checker:  ${base}/index.html   ← 任何浏览器都可以直接使用 / works in any browser`,
      `任务窗格 / Excel task pane:          ${base}/taskpane.html`,
      `清单 / Manifest:                     ${base}/manifest.xml  (${path.resolve(__dirname, '..', 'manifest.xml')})`,
      '',
      '旁加载到 Excel / Sideload into Excel (Windows, Mac or Excel on the web; Excel does not exist on Linux):',
      '  npm run start:desktop                      Excel 桌面版 / Excel desktop',
      '  npm run start:web -- --document <url>      Excel 网页版 / Excel on the web (a workbook URL on OneDrive/SharePoint)',
      '',
      '按 Ctrl+C 停止 / Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

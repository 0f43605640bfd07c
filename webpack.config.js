// Builds the Excel task pane and the standalone web checker into dist-web/ (dist/ belongs to the CLI).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const PORT = 3000;
const outputDir = path.resolve(__dirname, 'dist-web');

// Certificates made by office-addin-dev-certs, if they already exist. The config only reads them;
// scripts/serve.js is what tries to create and trust them.
function existingDevCerts() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { ca: 'ca.crt', key: 'localhost.key', cert: 'localhost.crt' };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return null;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const certs = existingDevCerts();
  return {
    mode: production ? 'production' : 'development',
    // No eval-based source maps, in either mode: both pages' Content-Security-Policy forbids eval.
    devtool: 'source-map',
    entry: { taskpane: './src/taskpane/index.tsx', web: './src/web/index.tsx' },
    output: {
      path: outputDir,
      filename: production ? '[name].[contenthash].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash].js' : '[name].js',
      publicPath: '',
      clean: true,
      // Every supported webview has globalThis; without this the runtime's global lookup falls back to new Function.
      environment: { globalThis: true },
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic', development: !production } },
                target: 'es2020',
              },
            },
          },
        },
      ],
    },
    optimization: {
      // Dynamic import() becomes its own chunk; shared vendor code (React, Fluent) is split too.
      splitChunks: { chunks: 'all' },
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        // Injected at the end of <head>, i.e. after the office.js CDN tag in the template.
        inject: 'head',
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        template: './src/web/index.html',
        filename: 'index.html',
        chunks: ['web'],
        inject: 'head',
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'assets', to: 'assets' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          // ES5, not bundled: it must run where the bundle cannot even parse. Shipped as written, not minified.
          { from: 'src/taskpane/legacy-guard.js', to: 'legacy-guard.js', info: { minimized: true } },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: PORT,
      host: 'localhost',
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: certs ? { type: 'https', options: certs } : 'http',
      static: false,
      hot: false,
      client: { overlay: { warnings: false } },
    },
  };
};

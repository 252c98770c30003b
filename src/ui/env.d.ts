/**
 * Build-time imports of the UI: the demo evidence zip is generated before the build and inlined as a
 * data: URL. `?url&inline` (not bare `?inline`) because Vite treats .zip as an asset only when ?url asks.
 */
declare module '*.zip?url&inline' {
  const dataUrl: string;
  export default dataUrl;
}

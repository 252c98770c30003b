/** Vite's ?inline asset imports give a base64 data: URL string. */
declare module '*.wasm?inline' {
  const dataUrl: string;
  export default dataUrl;
}

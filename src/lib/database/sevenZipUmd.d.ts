/** 7z-wasm's UMD build (no import.meta.url asset, so Vite does not inline its WASM a second time) has the package's types. */
declare module '7z-wasm/7zz.umd.js' {
  export { default } from '7z-wasm';
}

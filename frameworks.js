// link-wallet/react, /vue and /svelte carry types only (see their .d.ts): nothing runs.
export {}

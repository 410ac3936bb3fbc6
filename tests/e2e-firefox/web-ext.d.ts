// The part of web-ext's programmatic API the Firefox suite uses (the package ships no types).
declare module 'web-ext' {
  const webExt: {
    cmd: {
      build(options: { sourceDir: string; artifactsDir: string; overwriteDest?: boolean }, extra?: { showReadyMessage?: boolean }): Promise<{ extensionPath: string }>;
    };
  };
  export default webExt;
}

/** Extensions Windows runs or a script host interprets on a double-click: what mail must not deliver unnoticed. */
export const EXECUTABLE_EXTENSIONS: ReadonlySet<string> = new Set([
  'exe', 'com', 'scr', 'pif', 'bat', 'cmd', 'cpl', 'msi', 'msp', 'msc', 'dll', 'sys', 'ocx',
  'js', 'jse', 'vbs', 'vbe', 'wsf', 'wsh', 'hta', 'ps1', 'psm1', 'jar', 'lnk', 'reg', 'inf', 'scf',
  'application', 'appref-ms', 'gadget', 'sh', 'elf', 'app', 'iso', 'img', 'vhd', 'vhdx', 'chm', 'url',
]);

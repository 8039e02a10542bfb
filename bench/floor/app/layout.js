// The framework floor (bench/floor.ts): the smallest App Router app, a root layout and one page.
export default function RootLayout({ children }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}

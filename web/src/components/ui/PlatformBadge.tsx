/** A platform name as a small coloured tag (colour derived from the name, so it is stable). */
const HUES = [210, 150, 28, 280, 340, 190, 95, 250];

function hue(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return HUES[h % HUES.length] ?? 210;
}

export function PlatformBadge({ platform }: { platform: string }) {
  const h = hue(platform);
  return (
    <span className="tag" style={{ color: `hsl(${h} 60% 32%)`, background: `hsl(${h} 70% 95%)` }}>
      {platform}
    </span>
  );
}

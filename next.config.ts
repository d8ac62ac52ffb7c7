import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  turbopack: { root: import.meta.dirname },
  poweredByHeader: false,
  experimental: {
    // Next buffers every request body for its proxy (proxy.ts) before the route reads it, 10 MB by default. A body
    // with no declared length (server.ts refuses declared ones over 256 KB) is cut here instead; what reaches the
    // classify route is then still over its 256 KB limit and refused, since a socket delivers at most 64 KB at once.
    proxyClientMaxBodySize: "1mb",
  },
};

export default nextConfig;

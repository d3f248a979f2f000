// index.html preloads what the entry fetches first (vite.config.ts preloadFirstFetches): the
// interface's chunk and the land outline, at the build's base, and nothing else.

import type { HtmlTagDescriptor, IndexHtmlTransformContext, Plugin, ResolvedConfig } from 'vite'
import { describe, expect, it } from 'vitest'
import { preloadFirstFetches } from '../../vite.config'

function tagsFor(bundle: Record<string, unknown>, base = '/'): HtmlTagDescriptor[] {
  const plugin: Plugin = preloadFirstFetches()
  ;(plugin.configResolved as (c: Pick<ResolvedConfig, 'base'>) => void)({ base })
  const hook = plugin.transformIndexHtml as {
    handler: (html: string, ctx: Partial<IndexHtmlTransformContext>) => HtmlTagDescriptor[]
  }
  return hook.handler('<html></html>', { bundle: bundle as IndexHtmlTransformContext['bundle'] })
}

const BUNDLE = {
  'assets/mount-abc.js': {
    type: 'chunk',
    fileName: 'assets/mount-abc.js',
    facadeModuleId: '/app/src/ui/mount.tsx',
  },
  'assets/index-def.js': {
    type: 'chunk',
    fileName: 'assets/index-def.js',
    facadeModuleId: '/app/src/main.tsx',
  },
  'assets/Metrics-x.js': {
    type: 'chunk',
    fileName: 'assets/Metrics-x.js',
    facadeModuleId: '/app/src/ui/panels/Metrics.tsx',
  },
  'assets/land-110m-1.json': {
    type: 'asset',
    fileName: 'assets/land-110m-1.json',
    names: ['land-110m.json'],
  },
  'assets/other.json': { type: 'asset', fileName: 'assets/other.json', names: ['countries-110m.json'] },
}

describe('the preloads of index.html', () => {
  it('name the interface chunk and the land outline, and nothing else', () => {
    const tags = tagsFor(BUNDLE)
    expect(tags.map((t) => t.attrs)).toEqual([
      { rel: 'modulepreload', crossorigin: '', href: '/assets/mount-abc.js' },
      { rel: 'preload', as: 'fetch', crossorigin: '', href: '/assets/land-110m-1.json' },
    ])
  })

  it('use the build base', () => {
    expect(tagsFor(BUNDLE, '/sandbox/').map((t) => t.attrs?.href)).toEqual([
      '/sandbox/assets/mount-abc.js',
      '/sandbox/assets/land-110m-1.json',
    ])
  })
})

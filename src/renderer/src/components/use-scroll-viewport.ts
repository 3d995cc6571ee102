import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'

/**
 * What a windowed list needs of its scroller: a ref to put on it, how far it is scrolled and how
 * tall it is (followed as the window resizes). When `resetKey` changes (new search or filters)
 * the list goes back to the top.
 */
export function useScrollViewport(resetKey?: unknown): {
  scroller: RefObject<HTMLDivElement | null>
  scrollTop: number
  viewport: number
  onScroll: (event: React.UIEvent<HTMLElement>) => void
} {
  const scroller = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [viewport, setViewport] = useState(400)

  useLayoutEffect(() => {
    const element = scroller.current
    if (!element) return
    const observer = new ResizeObserver(() => setViewport(element.clientHeight))
    observer.observe(element)
    setViewport(element.clientHeight)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0
    setScrollTop(0)
  }, [resetKey])

  return { scroller, scrollTop, viewport, onScroll: (event) => setScrollTop(event.currentTarget.scrollTop) }
}

import { create } from 'zustand'
import type { SavedDevice } from '../../../shared/domain'
import type { ParsedTagExpression } from '../../../shared/library/tag-expression'
import { filterDevices, indexDevices, NO_CRITERIA, rangeBetween, type DeviceCriteria, type IndexedDevice } from '../lib/device-filter'
import { useDevices } from './devices'

/**
 * The devices view: search and filters (run by lib/device-filter over an index made once per
 * list), the rows they leave, which rows are ticked for bulk actions, and the one row expanded
 * to show its whole token.
 */
interface DeviceViewState {
  criteria: DeviceCriteria
  filtersOpen: boolean
  index: IndexedDevice[]
  visible: SavedDevice[]
  tagExpression: ParsedTagExpression | null
  selected: ReadonlySet<string>
  /** The last row ticked without Shift: Shift-click ticks from it. */
  anchorId: string | null
  expandedId: string | null

  setCriteria: (patch: Partial<DeviceCriteria>) => void
  clearFilters: () => void
  setFiltersOpen: (open: boolean) => void
  /** Shift extends from the anchor to this row, setting every row in between like this one. */
  toggle: (id: string, shift: boolean) => void
  selectAllVisible: () => void
  clearSelection: () => void
  toggleExpanded: (id: string) => void
}

const initialIndex = indexDevices(useDevices.getState().list)

export const useDeviceView = create<DeviceViewState>()((set, get) => ({
  criteria: NO_CRITERIA,
  filtersOpen: false,
  index: initialIndex,
  ...run(initialIndex, NO_CRITERIA),
  selected: new Set(),
  anchorId: null,
  expandedId: null,

  setCriteria: (patch) => {
    const criteria = { ...get().criteria, ...patch }
    set({ criteria, ...run(get().index, criteria) })
  },

  clearFilters: () => set({ criteria: { ...NO_CRITERIA, search: get().criteria.search }, ...run(get().index, { ...NO_CRITERIA, search: get().criteria.search }) }),

  setFiltersOpen: (filtersOpen) => set({ filtersOpen }),

  toggle: (id, shift) => {
    const { selected, anchorId, visible } = get()
    const next = new Set(selected)
    const on = !selected.has(id)
    const ids = shift && anchorId ? rangeBetween(visible, anchorId, id) : [id]
    for (const target of ids) {
      if (on) next.add(target)
      else next.delete(target)
    }
    set({ selected: next, anchorId: shift && anchorId ? anchorId : id })
  },

  selectAllVisible: () => set({ selected: new Set([...get().selected, ...get().visible.map((d) => d.id)]) }),
  clearSelection: () => set({ selected: new Set(), anchorId: null }),
  toggleExpanded: (id) => set({ expandedId: get().expandedId === id ? null : id })
}))

function run(index: IndexedDevice[], criteria: DeviceCriteria): Pick<DeviceViewState, 'visible' | 'tagExpression'> {
  const outcome = filterDevices(index, criteria)
  return { visible: outcome.devices, tagExpression: outcome.tagExpression }
}

// A new device list from main: index it once, filter it, and drop ticks of devices now gone.
useDevices.subscribe((state, previous) => {
  if (state.list === previous.list) return
  const view = useDeviceView.getState()
  const index = indexDevices(state.list)
  const ids = new Set(state.list.map((d) => d.id))
  const selected = [...view.selected].filter((id) => ids.has(id))
  useDeviceView.setState({
    index,
    ...run(index, view.criteria),
    selected: selected.length === view.selected.size ? view.selected : new Set(selected),
    expandedId: view.expandedId && ids.has(view.expandedId) ? view.expandedId : null
  })
})

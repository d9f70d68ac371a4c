/** First byte above the module's static data: JS owns linear memory from here up. */
export function heapBase(): usize {
  return __heap_base;
}

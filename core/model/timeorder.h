#pragma once

// timeOrder(): every item in the order of its time (start, then end, then index), read from
// the time index, which holds them sorted by start already. A table sorted by date at a
// million rows sorted a million keys again on every open; here ties of start are ordered by
// end (short runs) and the items the index leaves out (covering no time: undated) are merged
// in where their (start, end) puts them.

#include "model/intervalindex.h"

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace claimline {

// count: how many items there are (0..count-1); timeOf(i) gives the (start, end) of an item,
// asked only for those the index leaves out.
std::vector<std::uint32_t>
timeOrder(const IntervalIndex &index, std::uint32_t count,
          const std::function<std::pair<std::int64_t, std::int64_t>(std::uint32_t)> &timeOf);

} // namespace claimline

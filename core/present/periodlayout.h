#pragma once

// What the timeline needs to draw the project's periods (model.h: Period), as pure functions of
// the model: where each title goes in the header above the lanes, which of two tints each band
// takes, and how far each end of a band fades.

#include <cstdint>
#include <vector>

namespace claimline {

class FuzzyTime;
class Project;

struct PeriodPlace
{
    int row = -1; // the header row of the title; -1: the period has no time and is not drawn
    int order = -1; // its place in order of start: neighbours in time alternate tints
};

// At most this many header rows: past them a title shares a row and is shortened.
inline constexpr int MaxPeriodRows = 4;

// A place per period (by index into Project::periods()). Periods whose times overlap or touch
// take different rows, first fit in order of start (then file order), so that concurrent
// periods never share a line of titles and consecutive ones stagger; past MaxPeriodRows a
// period takes the row that frees first.
// The same at every zoom: the header keeps its height while the view pans and zooms.
std::vector<PeriodPlace> periodPlaces(const Project &project);
// How many header rows the places use (0 when no period is drawn).
int periodRowCount(const std::vector<PeriodPlace> &places);

// How far, in seconds, each end of a period's band fades inwards. An end fades over its
// uncertainty, as the timeline draws an item's uncertain ends: one unit for an end given to
// the month or year ("2025-12": any day of December), twice that when the time is approximate
// or uncertain (a day "2025-12-28~" fades over two days). An exact end (a day, a minute) is a
// hard edge, and an open one runs on past the window: both 0.
struct PeriodFades
{
    std::int64_t start = 0;
    std::int64_t end = 0;
};
PeriodFades periodFades(const FuzzyTime &when);

} // namespace claimline

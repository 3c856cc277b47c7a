#include "import/importrow.h"

namespace claimline {

void ImportRow::clear()
{
    // Vectors and the scratch text keep their capacity: the row is reused for every record, so
    // a million rows cost no allocation once the first few have sized them.
    line = 0;
    id = {};
    updated = {};
    title = {};
    summary = {};
    when = FuzzyTime();
    parties.clear();
    sources.clear();
    sourceUrls.clear();
    locationName = {};
    latitude = std::numeric_limits<double>::quiet_NaN();
    longitude = std::numeric_limits<double>::quiet_NaN();
    locationPrecision = LocationPrecision::Unknown;
    kind = {};
    tags.clear();
    attributes.clear();
    scratch.clear();
}

} // namespace claimline

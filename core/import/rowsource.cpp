#include "import/rowsource.h"

namespace claimline {

const DatasetExtras &RowSource::extras() const
{
    static const DatasetExtras none;
    return none;
}

} // namespace claimline

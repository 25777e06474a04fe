#include "CPerfGateMallocCounter.h"

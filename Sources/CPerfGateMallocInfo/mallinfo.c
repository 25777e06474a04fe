#include "CPerfGateMallocInfo.h"

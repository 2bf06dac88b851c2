// hlsv -- ap_common.h : convenience header (written for hlsv).
// ap_int.h already provides everything (it also pulls in ap_fixed.h).
#ifndef HLSV_AP_COMMON_H
#define HLSV_AP_COMMON_H
#include "ap_int.h"
#endif

package diagnosis

// registry lists every check in the order the verdict ranks causes.
// Definitive answers from the service come first, then what the input
// shows for certain (retired service, key format, host), then causes
// that need more context, then the service's generic refusals, which the
// earlier causes explain.
var registry = []*Check{
	// The service, or the resource's settings, said exactly what is wrong.
	resourceLocalAuthDisabled, responseLocalAuthDisabled, responseNetworkBlocked, responseQuotaExceeded, responseLimitedAccess,
	responsePermissionDenied, responseARMAuthorizationFailed, responseCustomSubdomainRequired, responseSpeechKeyOnText, responseMissingKey,
	responseTokenWrongTenant, responseDataSourceRefused,
	// The test call could not reach the host.
	probeHostUnreachable,
	// The service is gone.
	serviceRetired, endpointVersionRetired,
	// The key itself.
	snippetEnvUndefined, keyMissing, keyPlaceholder, keyIsGUID, keyIsToken, tokenExpired, tokenAADFormat, tokenWrongAudience, tokenNotYetValid, keyIsForeignSecret, keyDerivedOrHashed,
	keyPrefixed, keyMalformed, keyChecksumMismatch, keyLUISAuthoringVsPrediction, keyKindMismatch,
	// The endpoint, region and headers.
	endpointMalformed, endpointNotAPI, snippetOpenAIDefault, endpointOpenAIPublic, endpointInsecure, endpointHostInvalid,
	endpointCloudMismatch, endpointKindMismatch, endpointTokenURL, endpointRegionMismatch, endpointNeedsRegion,
	regionMalformed, regionUnsupported, translatorRegionHeader, headerMismatch, endpointNeedsEntra, entraNeedsCustomSubdomain, snippetTokenScope,
	// Time.
	trialExpired, keyTooNew, keyRegenerated,
	// The service's generic refusals and other answers.
	responseAPINotInTier, responseSearchKeyForbidden, responseTokenRejected, responseTranslatorCredentials, responseSpeechAuth, responseSpeechConnection, responseInvalidKeyOrEndpoint,
	// A path that looks wrong explains a 404 better than the 404 itself.
	endpointPathSuspect, responseDeploymentNotFound, responseAPIVersionUnsupported, responseNotFound, responseContentFiltered, responseRateLimited,
	// Doubts and pollution.
	resourceNetworkRestricted, resourceNoCustomSubdomain, snippetDefaultRegion, snippetYAMLDate, snippetKeyInCode,
	snippetUnreadable, probeCORSBlocked, probeTimeout, keyWhitespace, keyQuoted, endpointUnknownHost, endpointMissing, inputTooLarge,
	// Facts.
	keyDecoded, responseOK, responseUnrecognized,
}

// Generated from contracts/instantpay/openapi.yaml by `npm run contracts:types`. Do not edit.

export interface paths {
    "/contacts/profile": {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
                 * @example 1
                 */
                "X-Ipay-Auth-Code": components["parameters"]["authCode"];
                /**
                 * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
                 * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
                 */
                "X-Ipay-Client-Id": components["parameters"]["clientId"];
                /**
                 * @description Client secret (64 lower-case hex characters).
                 * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
                 */
                "X-Ipay-Client-Secret": components["parameters"]["clientSecret"];
                /**
                 * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
                 * @example 125.0.0.1
                 */
                "X-Ipay-Endpoint-Ip": components["parameters"]["endpointIp"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * List Contact
         * @description Every contact of the account, each with its `tagId[]`. The vendor shows no request body; any body is ignored.
         */
        get: operations["listContacts"];
        put?: never;
        /** Add Contact */
        post: operations["addContact"];
        /**
         * Delete Contact
         * @description Deletes the contact and its persons. The body is JSON, as the vendor's sample sends it.
         */
        delete: operations["deleteContact"];
        options?: never;
        head?: never;
        /**
         * Update Contact
         * @description Replaces name, email, mobile and the contact's tags (`tagId` becomes the
         *     tags sent, docs/vendors/instantpay.md I-4); `companyName` is kept (I-5); `updated_at`
         *     becomes now and `created_at` stays. The answer is the requested contact
         *     (I-3). An unknown but well-formed `contactId`, or a tag the account does
         *     not have, answers `ERR` "No Record Found" and changes nothing.
         */
        patch: operations["updateContact"];
        trace?: never;
    };
    "/contacts/tag": {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
                 * @example 1
                 */
                "X-Ipay-Auth-Code": components["parameters"]["authCode"];
                /**
                 * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
                 * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
                 */
                "X-Ipay-Client-Id": components["parameters"]["clientId"];
                /**
                 * @description Client secret (64 lower-case hex characters).
                 * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
                 */
                "X-Ipay-Client-Secret": components["parameters"]["clientSecret"];
                /**
                 * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
                 * @example 125.0.0.1
                 */
                "X-Ipay-Endpoint-Ip": components["parameters"]["endpointIp"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * List Tag
         * @description Every tag of the account as `{_id, name, hexColorCode}`. Any request body is ignored.
         */
        get: operations["listTags"];
        put?: never;
        /** Add Tag */
        post: operations["addTag"];
        /**
         * Delete Tag
         * @description Deletes the tag and takes it off every contact that carries it (suggested).
         */
        delete: operations["deleteTag"];
        options?: never;
        head?: never;
        /** Update Tag */
        patch: operations["updateTag"];
        trace?: never;
    };
    "/contacts/person": {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
                 * @example 1
                 */
                "X-Ipay-Auth-Code": components["parameters"]["authCode"];
                /**
                 * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
                 * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
                 */
                "X-Ipay-Client-Id": components["parameters"]["clientId"];
                /**
                 * @description Client secret (64 lower-case hex characters).
                 * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
                 */
                "X-Ipay-Client-Secret": components["parameters"]["clientSecret"];
                /**
                 * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
                 * @example 125.0.0.1
                 */
                "X-Ipay-Endpoint-Ip": components["parameters"]["endpointIp"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * List Person
         * @description The persons of one contact; the contact id travels in a JSON body on GET, as the vendor's sample sends it.
         */
        get: operations["listPersons"];
        put?: never;
        /** Add Person */
        post: operations["addPerson"];
        /** Delete Person */
        delete: operations["deletePerson"];
        options?: never;
        head?: never;
        /** Update Person */
        patch: operations["updatePerson"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description A MongoDB ObjectId; its first 8 hex digits are the creation time in Unix seconds (docs/vendors/instantpay.md §1.6).
         * @example 645383ba4acec95a32089822
         */
        ObjectId: string;
        /**
         * @description UTC with six fractional digits, the last three always 000 (millisecond precision, padded).
         * @example 2023-05-10T08:59:19.384000Z
         */
        RecordTime: string;
        /**
         * @description The answer's time in IST (UTC+05:30), without a zone marker.
         * @example 2023-05-10 14:29:19
         */
        IstTimestamp: string;
        /**
         * @description `h` + a 3-digit node + hex8(floor(unix seconds / 0.65536)) + the last four groups of a UUIDv4, optionally `-` + 12 alphanumerics (docs/vendors/instantpay.md §1.6).
         * @example h0059921e8a1-89ff-4b4a-b42e-c27893d64057
         * @example h0009ad88809-ebd1-49ef-80cf-d2686d11072a-lcvrH7edHrIt
         */
        IpayUuid: string;
        Name: string;
        /** @description Any address with an @ (the vendor accepted `testkartk123@gmail` in its Add Person sample). */
        Email: string;
        /** @description A 10-digit Indian mobile number without the calling code. */
        Mobile: string;
        HexColorCode: string;
        TagDetails: {
            tagId: components["schemas"]["ObjectId"];
        }[];
        AddContactRequest: {
            name: components["schemas"]["Name"];
            email: components["schemas"]["Email"];
            mobile: components["schemas"]["Mobile"];
            companyName?: string;
            tagDetails: components["schemas"]["TagDetails"];
        };
        UpdateContactRequest: {
            contactId: components["schemas"]["ObjectId"];
            name: components["schemas"]["Name"];
            email: components["schemas"]["Email"];
            mobile: components["schemas"]["Mobile"];
            tagDetails: components["schemas"]["TagDetails"];
        };
        DeleteContactRequest: {
            contactId: components["schemas"]["ObjectId"];
        };
        AddTagRequest: {
            name: components["schemas"]["Name"];
            hexColorCode: components["schemas"]["HexColorCode"];
        };
        UpdateTagRequest: {
            tagId: components["schemas"]["ObjectId"];
            name: components["schemas"]["Name"];
            hexColorCode: components["schemas"]["HexColorCode"];
        };
        DeleteTagRequest: {
            tagId: components["schemas"]["ObjectId"];
        };
        ListPersonsRequest: {
            gcId: components["schemas"]["ObjectId"];
        };
        AddPersonRequest: {
            gcId: components["schemas"]["ObjectId"];
            contactPersonName: components["schemas"]["Name"];
            email: components["schemas"]["Email"];
            mobile: components["schemas"]["Mobile"];
            description: string;
        };
        UpdatePersonRequest: {
            personId: components["schemas"]["ObjectId"];
            gcId: components["schemas"]["ObjectId"];
            contactPersonName: components["schemas"]["Name"];
            email: components["schemas"]["Email"];
            mobile: components["schemas"]["Mobile"];
            description: string;
        };
        DeletePersonRequest: {
            gcId: components["schemas"]["ObjectId"];
            personId: components["schemas"]["ObjectId"];
        };
        /** @description A contact as listed and as Update Contact answers it (and as the fixtures hold it). */
        Contact: {
            _id: components["schemas"]["ObjectId"];
            userId: number;
            name: string;
            email: string;
            mobile: string;
            /** @constant */
            callingCode: "91";
            companyName?: string;
            tagId: components["schemas"]["ObjectId"][];
            updated_at: components["schemas"]["RecordTime"];
            created_at: components["schemas"]["RecordTime"];
        };
        /** @description A contact as Add Contact answers it (no `tagId`, as in the vendor's sample). */
        AddedContact: {
            userId: number;
            name: string;
            email: string;
            mobile: string;
            /** @constant */
            callingCode: "91";
            companyName?: string;
            updated_at: components["schemas"]["RecordTime"];
            created_at: components["schemas"]["RecordTime"];
            _id: components["schemas"]["ObjectId"];
        };
        /** @description A tag as Add Tag answers it (and as the fixtures hold it). */
        Tag: {
            userId: number;
            name: string;
            hexColorCode: components["schemas"]["HexColorCode"];
            updated_at: components["schemas"]["RecordTime"];
            created_at: components["schemas"]["RecordTime"];
            _id: components["schemas"]["ObjectId"];
        };
        ListedTag: {
            _id: components["schemas"]["ObjectId"];
            name: string;
            hexColorCode: components["schemas"]["HexColorCode"];
        };
        /**
         * @description A contact person (`gcId` is the contact's `_id`; persons answer `callingCode` "+91", contacts "91").
         * @example {
         *       "_id": "6453969c6e9109027e051202",
         *       "gcId": "645383ba4acec95a32089822",
         *       "contactPersonName": "Sample Name",
         *       "email": "sample.name@example.com",
         *       "mobile": "7428585742",
         *       "description": "test desc",
         *       "callingCode": "+91",
         *       "updated_at": "2023-05-04T11:27:24.956000Z",
         *       "created_at": "2023-05-04T11:27:24.956000Z"
         *     }
         */
        Person: {
            _id: components["schemas"]["ObjectId"];
            gcId: components["schemas"]["ObjectId"];
            contactPersonName: string;
            email: string;
            mobile: string;
            description: string;
            /** @constant */
            callingCode: "+91";
            updated_at: components["schemas"]["RecordTime"];
            created_at: components["schemas"]["RecordTime"];
        };
        /** @description A client id/secret pair as the sandbox's fixtures hold it; `environment` is what its answers say. */
        Account: {
            name: string;
            clientId: string;
            clientSecret: string;
            /** @enum {unknown} */
            environment: "SANDBOX" | "LIVE";
            userId: number;
        };
        /** @description Instantpay's answer envelope, common to all its APIs (docs/vendors/instantpay.md §1.3). */
        Envelope: {
            statuscode: string;
            actcode: string | null;
            status: string;
            data: unknown;
            timestamp: components["schemas"]["IstTimestamp"];
            ipay_uuid: components["schemas"]["IpayUuid"];
            orderid: string | null;
            /** @enum {unknown} */
            environment: "LIVE" | "SANDBOX";
            internalCode: null;
        };
        /**
         * @description Any outcome but `TXN`, with `data: null`. The codes and default texts are the vendor's error-code list.
         * @example {
         *       "statuscode": "IAC",
         *       "actcode": null,
         *       "status": "Invalid Dealer Credentials",
         *       "data": null,
         *       "timestamp": "2026-03-02 15:30:00",
         *       "ipay_uuid": "h006a133f709-4e7c-4b1d-9a4f-2c1e9d0b7a31",
         *       "orderid": null,
         *       "environment": "LIVE",
         *       "internalCode": null
         *     }
         */
        FailureEnvelope: components["schemas"]["Envelope"] & {
            /** @enum {unknown} */
            statuscode?: "TUP" | "IAC" | "UAD" | "RPI" | "ERR" | "ISE" | "IPE" | "SPD" | "SPE" | "SNA";
            actcode?: null;
            data?: null;
        };
        ListContactsAnswer: components["schemas"]["Envelope"] & {
            /** @constant */
            statuscode?: "TXN";
            /** @constant */
            status?: "Transaction Successful";
            data?: components["schemas"]["Contact"][];
        };
        AddContactAnswer: components["schemas"]["Envelope"] & {
            /** @constant */
            statuscode?: "TXN";
            /** @constant */
            status?: "Contact Added Successfully";
            data?: components["schemas"]["AddedContact"];
        };
        UpdateContactAnswer: components["schemas"]["Envelope"] & {
            /** @constant */
            statuscode?: "TXN";
            /** @constant */
            status?: "Contact Updated Successfully";
            data?: components["schemas"]["Contact"];
        };
        DeleteContactAnswer: components["schemas"]["Envelope"] & {
            /** @constant */
            statuscode?: "TXN";
            /** @constant */
            status?: "Contact Deleted successfully";
            data?: null;
        };
        ListTagsAnswer: components["schemas"]["Envelope"] & {
            /** @constant */
            statuscode?: "TXN";
            /** @constant */
            status?: "Transaction Successful";
            data?: components["schemas"]["ListedTag"][];
        };
        AddTagAnswer: components["schemas"]["Envelope"] & {
            /** @constant */
            statuscode?: "TXN";
            /** @constant */
            status?: "Tag Added Successfully";
            data?: components["schemas"]["Tag"];
        };
        UpdateTagAnswer: components["schemas"]["Envelope"] & {
            /** @constant */
            statuscode?: "TXN";
            /** @constant */
            status?: "Tag Updated Successfully";
            /** @constant */
            data?: 1;
        };
        DeleteTagAnswer: components["schemas"]["Envelope"] & {
            /** @constant */
            statuscode?: "TXN";
            /** @constant */
            status?: "Tag Deleted successfully";
            data?: null;
        };
        ListPersonsAnswer: components["schemas"]["Envelope"] & {
            /** @constant */
            statuscode?: "TXN";
            /** @constant */
            status?: "Transaction Successful";
            data?: components["schemas"]["Person"][];
        };
        AddPersonAnswer: components["schemas"]["Envelope"] & {
            /** @constant */
            statuscode?: "TXN";
            /** @constant */
            status?: "Contact Person Added Successfully";
            data?: components["schemas"]["Person"];
        };
        UpdatePersonAnswer: components["schemas"]["Envelope"] & {
            /** @constant */
            statuscode?: "TXN";
            /** @constant */
            status?: "Contact Person Updated Successfully";
            data?: components["schemas"]["Person"];
        };
        DeletePersonAnswer: components["schemas"]["Envelope"] & {
            /** @constant */
            statuscode?: "TXN";
            /** @constant */
            status?: "Person Deleted successfully";
            data?: null;
        };
    };
    responses: {
        /** @description A failure envelope under the HTTP status a scenario gave its code (settings `httpStatus`; 200 by default). */
        Failure: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["FailureEnvelope"];
            };
        };
        /** @description A path under /contacts that is not an operation (suggested); HTTP 404. */
        RouteNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["FailureEnvelope"] & {
                    /** @constant */
                    statuscode?: "ERR";
                    /** @constant */
                    status?: "Route Not Found";
                };
            };
        };
        /** @description A method the path does not serve (suggested); HTTP 405 with Allow. */
        MethodNotAllowed: {
            headers: {
                Allow: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["FailureEnvelope"] & {
                    /** @constant */
                    statuscode?: "ERR";
                    /** @constant */
                    status?: "Method Not Allowed";
                };
            };
        };
        /** @description A body over the size limit (suggested); HTTP 413. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["FailureEnvelope"] & {
                    /** @constant */
                    statuscode?: "RPI";
                    /** @constant */
                    status?: "Request Entity Too Large";
                };
            };
        };
        /** @description A compressed request body (suggested); HTTP 415. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["FailureEnvelope"] & {
                    /** @constant */
                    statuscode?: "RPI";
                    /** @constant */
                    status?: "Unsupported Media Type";
                };
            };
        };
        /** @description An unexpected failure inside the sandbox; HTTP 500 with `ISE`. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["FailureEnvelope"] & {
                    /** @constant */
                    statuscode?: "ISE";
                    /** @constant */
                    status?: "System Error";
                };
            };
        };
    };
    parameters: {
        /**
         * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
         * @example 1
         */
        authCode: string;
        /**
         * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
         * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
         */
        clientId: string;
        /**
         * @description Client secret (64 lower-case hex characters).
         * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
         */
        clientSecret: string;
        /**
         * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
         * @example 125.0.0.1
         */
        endpointIp: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listContacts: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
                 * @example 1
                 */
                "X-Ipay-Auth-Code": components["parameters"]["authCode"];
                /**
                 * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
                 * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
                 */
                "X-Ipay-Client-Id": components["parameters"]["clientId"];
                /**
                 * @description Client secret (64 lower-case hex characters).
                 * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
                 */
                "X-Ipay-Client-Secret": components["parameters"]["clientSecret"];
                /**
                 * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
                 * @example 125.0.0.1
                 */
                "X-Ipay-Endpoint-Ip": components["parameters"]["endpointIp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `TXN` "Transaction Successful" with the contacts, or a failure envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListContactsAnswer"] | components["schemas"]["FailureEnvelope"];
                };
            };
            "4XX": components["responses"]["Failure"];
            "5XX": components["responses"]["Failure"];
        };
    };
    addContact: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
                 * @example 1
                 */
                "X-Ipay-Auth-Code": components["parameters"]["authCode"];
                /**
                 * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
                 * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
                 */
                "X-Ipay-Client-Id": components["parameters"]["clientId"];
                /**
                 * @description Client secret (64 lower-case hex characters).
                 * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
                 */
                "X-Ipay-Client-Secret": components["parameters"]["clientSecret"];
                /**
                 * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
                 * @example 125.0.0.1
                 */
                "X-Ipay-Endpoint-Ip": components["parameters"]["endpointIp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddContactRequest"];
            };
        };
        responses: {
            /** @description `TXN` "Contact Added Successfully" with the new contact (no `tagId`, as the vendor sample shows), or a failure envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddContactAnswer"] | components["schemas"]["FailureEnvelope"];
                };
            };
            "4XX": components["responses"]["Failure"];
            "5XX": components["responses"]["Failure"];
        };
    };
    deleteContact: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
                 * @example 1
                 */
                "X-Ipay-Auth-Code": components["parameters"]["authCode"];
                /**
                 * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
                 * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
                 */
                "X-Ipay-Client-Id": components["parameters"]["clientId"];
                /**
                 * @description Client secret (64 lower-case hex characters).
                 * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
                 */
                "X-Ipay-Client-Secret": components["parameters"]["clientSecret"];
                /**
                 * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
                 * @example 125.0.0.1
                 */
                "X-Ipay-Endpoint-Ip": components["parameters"]["endpointIp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteContactRequest"];
            };
        };
        responses: {
            /** @description `TXN` "Contact Deleted successfully" (lower-case s, as the vendor writes it) with `data: null`, or a failure envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteContactAnswer"] | components["schemas"]["FailureEnvelope"];
                };
            };
            "4XX": components["responses"]["Failure"];
            "5XX": components["responses"]["Failure"];
        };
    };
    updateContact: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
                 * @example 1
                 */
                "X-Ipay-Auth-Code": components["parameters"]["authCode"];
                /**
                 * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
                 * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
                 */
                "X-Ipay-Client-Id": components["parameters"]["clientId"];
                /**
                 * @description Client secret (64 lower-case hex characters).
                 * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
                 */
                "X-Ipay-Client-Secret": components["parameters"]["clientSecret"];
                /**
                 * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
                 * @example 125.0.0.1
                 */
                "X-Ipay-Endpoint-Ip": components["parameters"]["endpointIp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateContactRequest"];
            };
        };
        responses: {
            /** @description `TXN` "Contact Updated Successfully" with the contact, or a failure envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateContactAnswer"] | components["schemas"]["FailureEnvelope"];
                };
            };
            "4XX": components["responses"]["Failure"];
            "5XX": components["responses"]["Failure"];
        };
    };
    listTags: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
                 * @example 1
                 */
                "X-Ipay-Auth-Code": components["parameters"]["authCode"];
                /**
                 * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
                 * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
                 */
                "X-Ipay-Client-Id": components["parameters"]["clientId"];
                /**
                 * @description Client secret (64 lower-case hex characters).
                 * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
                 */
                "X-Ipay-Client-Secret": components["parameters"]["clientSecret"];
                /**
                 * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
                 * @example 125.0.0.1
                 */
                "X-Ipay-Endpoint-Ip": components["parameters"]["endpointIp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `TXN` "Transaction Successful" with the tags, or a failure envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListTagsAnswer"] | components["schemas"]["FailureEnvelope"];
                };
            };
            "4XX": components["responses"]["Failure"];
            "5XX": components["responses"]["Failure"];
        };
    };
    addTag: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
                 * @example 1
                 */
                "X-Ipay-Auth-Code": components["parameters"]["authCode"];
                /**
                 * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
                 * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
                 */
                "X-Ipay-Client-Id": components["parameters"]["clientId"];
                /**
                 * @description Client secret (64 lower-case hex characters).
                 * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
                 */
                "X-Ipay-Client-Secret": components["parameters"]["clientSecret"];
                /**
                 * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
                 * @example 125.0.0.1
                 */
                "X-Ipay-Endpoint-Ip": components["parameters"]["endpointIp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddTagRequest"];
            };
        };
        responses: {
            /** @description `TXN` "Tag Added Successfully" with the new tag, or a failure envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddTagAnswer"] | components["schemas"]["FailureEnvelope"];
                };
            };
            "4XX": components["responses"]["Failure"];
            "5XX": components["responses"]["Failure"];
        };
    };
    deleteTag: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
                 * @example 1
                 */
                "X-Ipay-Auth-Code": components["parameters"]["authCode"];
                /**
                 * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
                 * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
                 */
                "X-Ipay-Client-Id": components["parameters"]["clientId"];
                /**
                 * @description Client secret (64 lower-case hex characters).
                 * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
                 */
                "X-Ipay-Client-Secret": components["parameters"]["clientSecret"];
                /**
                 * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
                 * @example 125.0.0.1
                 */
                "X-Ipay-Endpoint-Ip": components["parameters"]["endpointIp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteTagRequest"];
            };
        };
        responses: {
            /** @description `TXN` "Tag Deleted successfully" with `data: null`, or a failure envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteTagAnswer"] | components["schemas"]["FailureEnvelope"];
                };
            };
            "4XX": components["responses"]["Failure"];
            "5XX": components["responses"]["Failure"];
        };
    };
    updateTag: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
                 * @example 1
                 */
                "X-Ipay-Auth-Code": components["parameters"]["authCode"];
                /**
                 * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
                 * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
                 */
                "X-Ipay-Client-Id": components["parameters"]["clientId"];
                /**
                 * @description Client secret (64 lower-case hex characters).
                 * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
                 */
                "X-Ipay-Client-Secret": components["parameters"]["clientSecret"];
                /**
                 * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
                 * @example 125.0.0.1
                 */
                "X-Ipay-Endpoint-Ip": components["parameters"]["endpointIp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTagRequest"];
            };
        };
        responses: {
            /** @description `TXN` "Tag Updated Successfully" with `data: 1` (an integer, as the vendor sample shows), or a failure envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateTagAnswer"] | components["schemas"]["FailureEnvelope"];
                };
            };
            "4XX": components["responses"]["Failure"];
            "5XX": components["responses"]["Failure"];
        };
    };
    listPersons: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
                 * @example 1
                 */
                "X-Ipay-Auth-Code": components["parameters"]["authCode"];
                /**
                 * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
                 * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
                 */
                "X-Ipay-Client-Id": components["parameters"]["clientId"];
                /**
                 * @description Client secret (64 lower-case hex characters).
                 * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
                 */
                "X-Ipay-Client-Secret": components["parameters"]["clientSecret"];
                /**
                 * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
                 * @example 125.0.0.1
                 */
                "X-Ipay-Endpoint-Ip": components["parameters"]["endpointIp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ListPersonsRequest"];
            };
        };
        responses: {
            /** @description `TXN` "Transaction Successful" with the persons, or a failure envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListPersonsAnswer"] | components["schemas"]["FailureEnvelope"];
                };
            };
            "4XX": components["responses"]["Failure"];
            "5XX": components["responses"]["Failure"];
        };
    };
    addPerson: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
                 * @example 1
                 */
                "X-Ipay-Auth-Code": components["parameters"]["authCode"];
                /**
                 * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
                 * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
                 */
                "X-Ipay-Client-Id": components["parameters"]["clientId"];
                /**
                 * @description Client secret (64 lower-case hex characters).
                 * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
                 */
                "X-Ipay-Client-Secret": components["parameters"]["clientSecret"];
                /**
                 * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
                 * @example 125.0.0.1
                 */
                "X-Ipay-Endpoint-Ip": components["parameters"]["endpointIp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddPersonRequest"];
            };
        };
        responses: {
            /** @description `TXN` "Contact Person Added Successfully" with the new person, or a failure envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddPersonAnswer"] | components["schemas"]["FailureEnvelope"];
                };
            };
            "4XX": components["responses"]["Failure"];
            "5XX": components["responses"]["Failure"];
        };
    };
    deletePerson: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
                 * @example 1
                 */
                "X-Ipay-Auth-Code": components["parameters"]["authCode"];
                /**
                 * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
                 * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
                 */
                "X-Ipay-Client-Id": components["parameters"]["clientId"];
                /**
                 * @description Client secret (64 lower-case hex characters).
                 * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
                 */
                "X-Ipay-Client-Secret": components["parameters"]["clientSecret"];
                /**
                 * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
                 * @example 125.0.0.1
                 */
                "X-Ipay-Endpoint-Ip": components["parameters"]["endpointIp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeletePersonRequest"];
            };
        };
        responses: {
            /** @description `TXN` "Person Deleted successfully" with `data: null`, or a failure envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletePersonAnswer"] | components["schemas"]["FailureEnvelope"];
                };
            };
            "4XX": components["responses"]["Failure"];
            "5XX": components["responses"]["Failure"];
        };
    };
    updatePerson: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Always `1` ("1 (Fixed)" in the vendor's header tables). The seed's curl sends it twice; the last value counts (docs/vendors/instantpay.md I-1). Anything else answers `RPI`.
                 * @example 1
                 */
                "X-Ipay-Auth-Code": components["parameters"]["authCode"];
                /**
                 * @description Client id issued by Instantpay (44 base64 characters). Together with the secret it names a sandbox or a live account; unknown or missing answers `IAC`.
                 * @example hbsSEXw8FvCxS7OhVfXDctVT6TSb6pvk0pVgmNMSDos=
                 */
                "X-Ipay-Client-Id": components["parameters"]["clientId"];
                /**
                 * @description Client secret (64 lower-case hex characters).
                 * @example 95960bec8279c93e442533d472c627ff96144270e2755d9934e866cb2109a23f
                 */
                "X-Ipay-Client-Secret": components["parameters"]["clientSecret"];
                /**
                 * @description IP address (v4 or v6) of the end customer, supplied by the client (docs/vendors/instantpay.md I-11). Missing or not an IP answers `RPI`.
                 * @example 125.0.0.1
                 */
                "X-Ipay-Endpoint-Ip": components["parameters"]["endpointIp"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePersonRequest"];
            };
        };
        responses: {
            /** @description `TXN` "Contact Person Updated Successfully" with the person, or a failure envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdatePersonAnswer"] | components["schemas"]["FailureEnvelope"];
                };
            };
            "4XX": components["responses"]["Failure"];
            "5XX": components["responses"]["Failure"];
        };
    };
}

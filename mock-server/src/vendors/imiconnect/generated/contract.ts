// Generated from contracts/imiconnect/openapi.yaml by `npm run contracts:types`. Do not edit.

export interface paths {
    "/resources/v2/customerprofile": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The Client Profile Key. One of `key` or `secretKey` must be sent; neither answers 7002, an unknown one 7001.
                 * @example 070b57a3-3308-4a2b-a009-d91d80ff926b
                 */
                key?: components["parameters"]["key"];
                /** @description The Client Profile Key under the name the Get Profile and Get Profile Status pages give it; used when `key` is absent. */
                secretKey?: components["parameters"]["secretKey"];
            };
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Update Customer Profile
         * @description Updates one or more customer profiles: each record's Attributes are
         *     added to, or replace, the stored ones. The request is queued; the
         *     outcome of each record (7014 for an unknown customer) is read with
         *     Get Profile Status. More records than the batch limit (100 by
         *     default) answer 7012 and nothing is queued.
         */
        put: operations["updateProfile"];
        /**
         * Create Customer Profile
         * @description Creates customer master profiles, queued like an update. When every
         *     record's customer already exists the request answers 7015 at once
         *     (suggested); otherwise existing customers show up as 7015 results in
         *     Get Profile Status.
         */
        post: operations["createProfile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/v2/customerprofile/{customerid}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The Client Profile Key. One of `key` or `secretKey` must be sent; neither answers 7002, an unknown one 7001.
                 * @example 070b57a3-3308-4a2b-a009-d91d80ff926b
                 */
                key?: components["parameters"]["key"];
                /** @description The Client Profile Key under the name the Get Profile and Get Profile Status pages give it; used when `key` is absent. */
                secretKey?: components["parameters"]["secretKey"];
            };
            path: {
                /**
                 * @description A client-specific id (such as a CRN) that identifies the customer.
                 * @example 1234568
                 */
                customerid: components["parameters"]["customerid"];
            };
            cookie?: never;
        };
        /** Get Customer Profile (the Webex Connect path) */
        get: operations["getProfile"];
        put?: never;
        post?: never;
        /**
         * Delete Customer Profile
         * @description Queued; an unknown customer answers 7203 at once (suggested), a customer gone by the time the queue reaches it shows up as a 7203 result.
         */
        delete: operations["deleteProfile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/v1/customerprofile": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The Client Profile Key. One of `key` or `secretKey` must be sent; neither answers 7002, an unknown one 7001.
                 * @example 070b57a3-3308-4a2b-a009-d91d80ff926b
                 */
                key?: components["parameters"]["key"];
                /** @description The Client Profile Key under the name the Get Profile and Get Profile Status pages give it; used when `key` is absent. */
                secretKey?: components["parameters"]["secretKey"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * Get Customer Profiles (several customers, as the vendor's example does)
         * @description `?customerId=2134&customerId=2142&showinwardlinks=0`: the customers found, in the order asked; 7014 when none is found.
         */
        get: operations["getProfiles"];
        put?: never;
        post?: never;
        /**
         * Delete Customer Profiles (several customers, as the vendor's example does)
         * @description `?customerId=1234&customerId=1235`: one queued transaction; 7203 at once when no customer is known, 7012 over the batch limit.
         */
        delete: operations["deleteProfiles"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/v1/customerprofile/{customerid}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The Client Profile Key. One of `key` or `secretKey` must be sent; neither answers 7002, an unknown one 7001.
                 * @example 070b57a3-3308-4a2b-a009-d91d80ff926b
                 */
                key?: components["parameters"]["key"];
                /** @description The Client Profile Key under the name the Get Profile and Get Profile Status pages give it; used when `key` is absent. */
                secretKey?: components["parameters"]["secretKey"];
            };
            path: {
                /**
                 * @description A client-specific id (such as a CRN) that identifies the customer.
                 * @example 1234568
                 */
                customerid: components["parameters"]["customerid"];
            };
            cookie?: never;
        };
        /** Get Customer Profile (the path of the vendor's example, `/resources/v1/customerprofile/4545?showinwardlinks=0`) */
        get: operations["getProfileV1"];
        put?: never;
        post?: never;
        /** Delete Customer Profile (the path of the vendor's example, `/resources/v1/customerprofile/1234`) */
        delete: operations["deleteProfileV1"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/v2/profile/status/{transid}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The Client Profile Key. One of `key` or `secretKey` must be sent; neither answers 7002, an unknown one 7001.
                 * @example 070b57a3-3308-4a2b-a009-d91d80ff926b
                 */
                key?: components["parameters"]["key"];
                /** @description The Client Profile Key under the name the Get Profile and Get Profile Status pages give it; used when `key` is absent. */
                secretKey?: components["parameters"]["secretKey"];
            };
            path: {
                /**
                 * @description The transid a create, update or delete answered with (docs/vendors/imiconnect.md M-10).
                 * @example a61e8729-a404-41cc-909a-bf7de79d14c7
                 */
                transid: string;
            };
            cookie?: never;
        };
        /**
         * Get Profile Status
         * @description The outcome of a queued create, update or delete: 1000 when every
         *     record succeeded, 1002 (Partial success) when any failed, with one
         *     result per record. A transid that is unknown, belongs to another
         *     tenant, or is still queued answers 7600.
         */
        get: operations["getProfileStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description A client-specific customer id (such as a CRN); the vendor's examples are digits.
         * @example 1234568
         */
        CustomerId: string;
        /** @description Country code and national number without "+", as the seed's examples (`911278994640`); a national number (`07522178657`) and a leading "+" are accepted too (suggested). */
        Msisdn: string;
        /** @description A scalar; stored and returned as a string. */
        AttributeValue: string | number | boolean;
        /**
         * @description Key/value pairs to add or update (the seed's table says "String"; its
         *     examples send an object, which is what the vendor reads: docs/vendors/imiconnect.md M-4).
         *     `email` must be an email address and `msisdn` a phone number; any
         *     other attribute must be a scalar. Anything else answers 7011.
         * @example {
         *       "email": "umtest.one@example.com",
         *       "msisdn": "911278994640",
         *       "name": "umtest"
         *     }
         */
        Attributes: {
            /** Format: email */
            email?: string;
            msisdn?: components["schemas"]["Msisdn"];
            name?: string;
        } & {
            [key: string]: components["schemas"]["AttributeValue"];
        };
        /**
         * @description One customer: `customerId` and `Attributes` as the seed's examples
         *     spell them, or `customerid` and `attributes` as its table does
         *     (docs/vendors/imiconnect.md M-4); the examples' spelling wins when both are sent. Other
         *     properties are ignored. No customerId, or no Attributes, answers 7003.
         */
        ProfileRecordInput: {
            customerId?: components["schemas"]["CustomerId"];
            customerid?: components["schemas"]["CustomerId"];
            Attributes?: components["schemas"]["Attributes"];
            attributes?: components["schemas"]["Attributes"];
        } & ((unknown | unknown) & (unknown | unknown));
        /** @description `Records` (or `records`): at least one record, at most the batch limit (100 by default, 7012 beyond it). */
        ProfileBatch: {
            Records?: components["schemas"]["ProfileRecordInputs"];
            records?: components["schemas"]["ProfileRecordInputs"];
        } | unknown | unknown;
        ProfileRecordInputs: components["schemas"]["ProfileRecordInput"][];
        /** @description IMIconnect's answer code, a string of four digits. */
        Code: string;
        /**
         * @description A transaction id. The sandbox emits lowercase UUIDv4; the vendor's own
         *     examples are UUID-shaped but contain letters beyond hex (docs/vendors/imiconnect.md M-5),
         *     so any UUID-shaped id is valid here.
         */
        TransId: string;
        QueuedResponse: {
            response: {
                /**
                 * @description 1001 as every example shows; 1000 with the setting `queuedCode` (docs/vendors/imiconnect.md M-1).
                 * @enum {unknown}
                 */
                code: "1001" | "1000";
                /** @constant */
                description: "Queued";
                transid: components["schemas"]["TransId"];
            };
        };
        /** @description Every error, in the shape of the Queued answer without a transid. */
        ErrorEnvelope: {
            response: {
                code: components["schemas"]["Code"];
                description: string;
            };
        };
        /** @description The error envelope for paths and methods the API does not have (suggested); the code is the HTTP status. */
        RouteErrorEnvelope: {
            response: {
                /** @enum {unknown} */
                code: "404" | "405";
                /** @enum {unknown} */
                description: "Not Found" | "Method Not Allowed";
            };
        };
        ProfileStatusResult: {
            code: components["schemas"]["Code"];
            customerId: string;
            description: string;
        };
        ProfileStatus: {
            TotalCount: number;
            /** @enum {unknown} */
            code: "1000" | "1002";
            FailureCount: number;
            Results: components["schemas"]["ProfileStatusResult"][];
            transid: components["schemas"]["TransId"];
            /** @enum {unknown} */
            description: "SUCCESS" | "Partial success";
            SuccessCount: number;
        };
        ProfileAttribute: {
            Name: string;
            Value: string;
            /** @description A system-generated number, unique per attribute. */
            ID: number;
        };
        /** @description An app profile linked to the customer (suggested shape, from the Get App Profile page's OutwardLinks). */
        LinkedProfile: {
            ProfileId: number;
            ProfileName: string;
            Records: components["schemas"]["ProfileAttribute"][];
        };
        /** @description A customer as Get Profile returns it (and as the sandbox's fixtures hold it); `Attributes` includes `customerId`. */
        ProfileRecord: {
            Attributes: components["schemas"]["ProfileAttribute"][];
            InwardLinks: components["schemas"]["LinkedProfile"][];
            OutwardLinks: components["schemas"]["LinkedProfile"][];
        };
        ProfileList: {
            /**
             * @description Zero indicates success.
             * @constant
             */
            Status: 0;
            /** @constant */
            Description: "success";
            /** @constant */
            code: "1000";
            transid: components["schemas"]["TransId"];
            Records: components["schemas"]["ProfileRecord"][];
        };
        /** @description An IPv4 or IPv6 address, or a CIDR range of either. */
        IpRange: string;
        /** @description A tenant (an IMIconnect client) as the sandbox's fixtures hold it. */
        Tenant: {
            id: string;
            name: string;
            /**
             * Format: uuid
             * @description The Client Profile Key.
             */
            key: string;
            /** @description Callers allowed; empty means any caller. */
            allowedIps: components["schemas"]["IpRange"][];
        };
    };
    responses: {
        /** @description Queued (or, with `httpStatus.alwaysOk`, any error envelope) */
        Queued: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["QueuedResponse"] | components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The customers found (or, with `httpStatus.alwaysOk`, any error envelope) */
        Profiles: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ProfileList"] | components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description 7000 Invalid JSON, 7003 Mandatory parameters missing, 7011 Invalid Attribute Value, 7012 Batch size limit(N) exceeded */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"] & {
                    response?: {
                        /** @enum {unknown} */
                        code?: "7000" | "7003" | "7011" | "7012";
                    };
                };
            };
        };
        /** @description 7001 Authentication failed, 7002 Service Key Missing */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"] & {
                    response?: {
                        /** @enum {unknown} */
                        code?: "7001" | "7002";
                    };
                };
            };
        };
        /** @description 7010 Source ip is not white listed (7208 on delete) */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"] & {
                    response?: {
                        /** @enum {unknown} */
                        code?: "7010" | "7208";
                    };
                };
            };
        };
        /** @description 7014 Customer not found (update, get), 7203 Customer not found (delete), 7600 unknown or still-queued transid (status) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"] & {
                    response?: {
                        /** @enum {unknown} */
                        code?: "7014" | "7203" | "7600";
                    };
                };
            };
        };
        /** @description 7015 customer already exists (create) */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"] & {
                    response?: {
                        /** @constant */
                        code?: "7015";
                    };
                };
            };
        };
        /** @description 7006 Internal error occurred */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"] & {
                    response?: {
                        /** @constant */
                        code?: "7006";
                    };
                };
            };
        };
        /**
         * @description A path under /resources/v1 or /resources/v2 that the API does not have
         *     (suggested: the vendor documents no code for it, so the envelope
         *     carries the HTTP status rather than an invented 7xxx code).
         */
        RouteNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RouteErrorEnvelope"];
            };
        };
        /** @description A method the path does not support (suggested, as RouteNotFound); carries Allow */
        MethodNotAllowed: {
            headers: {
                /** @description The methods the path supports. */
                Allow: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RouteErrorEnvelope"];
            };
        };
    };
    parameters: {
        /**
         * @description The Client Profile Key. One of `key` or `secretKey` must be sent; neither answers 7002, an unknown one 7001.
         * @example 070b57a3-3308-4a2b-a009-d91d80ff926b
         */
        key: string;
        /** @description The Client Profile Key under the name the Get Profile and Get Profile Status pages give it; used when `key` is absent. */
        secretKey: string;
        /**
         * @description A client-specific id (such as a CRN) that identifies the customer.
         * @example 1234568
         */
        customerid: components["schemas"]["CustomerId"];
        /**
         * @description One customer id, or several (`customerId=1&customerId=2`).
         * @example 1234568
         */
        customerIds: components["schemas"]["CustomerId"] | components["schemas"]["CustomerId"][];
        /** @description 0: the master profile only (default); 1: with the app profiles linked to it; 2: the full profile. */
        showinwardlinks: 0 | 1 | 2;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    updateProfile: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The Client Profile Key. One of `key` or `secretKey` must be sent; neither answers 7002, an unknown one 7001.
                 * @example 070b57a3-3308-4a2b-a009-d91d80ff926b
                 */
                key?: components["parameters"]["key"];
                /** @description The Client Profile Key under the name the Get Profile and Get Profile Status pages give it; used when `key` is absent. */
                secretKey?: components["parameters"]["secretKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileBatch"];
            };
        };
        responses: {
            200: components["responses"]["Queued"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    createProfile: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The Client Profile Key. One of `key` or `secretKey` must be sent; neither answers 7002, an unknown one 7001.
                 * @example 070b57a3-3308-4a2b-a009-d91d80ff926b
                 */
                key?: components["parameters"]["key"];
                /** @description The Client Profile Key under the name the Get Profile and Get Profile Status pages give it; used when `key` is absent. */
                secretKey?: components["parameters"]["secretKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileBatch"];
            };
        };
        responses: {
            200: components["responses"]["Queued"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfile: {
        parameters: {
            query?: {
                /** @description 0: the master profile only (default); 1: with the app profiles linked to it; 2: the full profile. */
                showinwardlinks?: components["parameters"]["showinwardlinks"];
            };
            header?: {
                /**
                 * @description The Client Profile Key. One of `key` or `secretKey` must be sent; neither answers 7002, an unknown one 7001.
                 * @example 070b57a3-3308-4a2b-a009-d91d80ff926b
                 */
                key?: components["parameters"]["key"];
                /** @description The Client Profile Key under the name the Get Profile and Get Profile Status pages give it; used when `key` is absent. */
                secretKey?: components["parameters"]["secretKey"];
            };
            path: {
                /**
                 * @description A client-specific id (such as a CRN) that identifies the customer.
                 * @example 1234568
                 */
                customerid: components["parameters"]["customerid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Profiles"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteProfile: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The Client Profile Key. One of `key` or `secretKey` must be sent; neither answers 7002, an unknown one 7001.
                 * @example 070b57a3-3308-4a2b-a009-d91d80ff926b
                 */
                key?: components["parameters"]["key"];
                /** @description The Client Profile Key under the name the Get Profile and Get Profile Status pages give it; used when `key` is absent. */
                secretKey?: components["parameters"]["secretKey"];
            };
            path: {
                /**
                 * @description A client-specific id (such as a CRN) that identifies the customer.
                 * @example 1234568
                 */
                customerid: components["parameters"]["customerid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Queued"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfiles: {
        parameters: {
            query: {
                /**
                 * @description One customer id, or several (`customerId=1&customerId=2`).
                 * @example 1234568
                 */
                customerId: components["parameters"]["customerIds"];
                /** @description 0: the master profile only (default); 1: with the app profiles linked to it; 2: the full profile. */
                showinwardlinks?: components["parameters"]["showinwardlinks"];
            };
            header?: {
                /**
                 * @description The Client Profile Key. One of `key` or `secretKey` must be sent; neither answers 7002, an unknown one 7001.
                 * @example 070b57a3-3308-4a2b-a009-d91d80ff926b
                 */
                key?: components["parameters"]["key"];
                /** @description The Client Profile Key under the name the Get Profile and Get Profile Status pages give it; used when `key` is absent. */
                secretKey?: components["parameters"]["secretKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Profiles"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteProfiles: {
        parameters: {
            query: {
                /**
                 * @description One customer id, or several (`customerId=1&customerId=2`).
                 * @example 1234568
                 */
                customerId: components["parameters"]["customerIds"];
            };
            header?: {
                /**
                 * @description The Client Profile Key. One of `key` or `secretKey` must be sent; neither answers 7002, an unknown one 7001.
                 * @example 070b57a3-3308-4a2b-a009-d91d80ff926b
                 */
                key?: components["parameters"]["key"];
                /** @description The Client Profile Key under the name the Get Profile and Get Profile Status pages give it; used when `key` is absent. */
                secretKey?: components["parameters"]["secretKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Queued"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfileV1: {
        parameters: {
            query?: {
                /** @description 0: the master profile only (default); 1: with the app profiles linked to it; 2: the full profile. */
                showinwardlinks?: components["parameters"]["showinwardlinks"];
            };
            header?: {
                /**
                 * @description The Client Profile Key. One of `key` or `secretKey` must be sent; neither answers 7002, an unknown one 7001.
                 * @example 070b57a3-3308-4a2b-a009-d91d80ff926b
                 */
                key?: components["parameters"]["key"];
                /** @description The Client Profile Key under the name the Get Profile and Get Profile Status pages give it; used when `key` is absent. */
                secretKey?: components["parameters"]["secretKey"];
            };
            path: {
                /**
                 * @description A client-specific id (such as a CRN) that identifies the customer.
                 * @example 1234568
                 */
                customerid: components["parameters"]["customerid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Profiles"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteProfileV1: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The Client Profile Key. One of `key` or `secretKey` must be sent; neither answers 7002, an unknown one 7001.
                 * @example 070b57a3-3308-4a2b-a009-d91d80ff926b
                 */
                key?: components["parameters"]["key"];
                /** @description The Client Profile Key under the name the Get Profile and Get Profile Status pages give it; used when `key` is absent. */
                secretKey?: components["parameters"]["secretKey"];
            };
            path: {
                /**
                 * @description A client-specific id (such as a CRN) that identifies the customer.
                 * @example 1234568
                 */
                customerid: components["parameters"]["customerid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Queued"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    getProfileStatus: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The Client Profile Key. One of `key` or `secretKey` must be sent; neither answers 7002, an unknown one 7001.
                 * @example 070b57a3-3308-4a2b-a009-d91d80ff926b
                 */
                key?: components["parameters"]["key"];
                /** @description The Client Profile Key under the name the Get Profile and Get Profile Status pages give it; used when `key` is absent. */
                secretKey?: components["parameters"]["secretKey"];
            };
            path: {
                /**
                 * @description The transid a create, update or delete answered with (docs/vendors/imiconnect.md M-10).
                 * @example a61e8729-a404-41cc-909a-bf7de79d14c7
                 */
                transid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transaction's results, or (with `httpStatus.alwaysOk`) an error envelope */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileStatus"] | components["schemas"]["ErrorEnvelope"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalError"];
        };
    };
}

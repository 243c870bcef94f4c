// Generated from contracts/iservice/openapi.yaml by `npm run contracts:types`. Do not edit.

export interface paths {
    "/f/webapp-api-login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Login form (api=login, loggedin, logout)
         * @description - `api=login`: form fields (or JSON) `emailAddress`, `Password`. On success the
         *       answer sets the session cookie and reports `loggedIn.isLoggedIn: true`; a bad
         *       email address or password answers `isLoggedIn: false` with `errors`.
         *     - `api=loggedin`: the current user and its access rights (no body).
         *     - `api=logout`: ends the session (no body); answers the empty envelope even
         *       without a session.
         *     A session ends after 90 minutes without a request (the vendor's default for agents).
         */
        post: operations["webappApiLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/f/webapp-api-custinfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Customer-info form (api=setdetails, details, newcontact)
         * @description Needs a logged-in session (the cookie from the login form).
         *     - `api=setdetails` (`SetDetailsRequest`): replaces the listed properties, the
         *       logins (only when `details.setLogins` is true) and the segment membership of
         *       `contactID`; answers the empty envelope. Customers may only update their own
         *       contact; agents only contacts and segments they have access to.
         *     - `api=details` (`DetailsRequest`): reads a contact back in the same shape (suggested).
         *     - `api=newcontact` (`NewContactRequest`, agents only): creates a contact and
         *       answers its id as a string.
         */
        post: operations["webappApiCustinfo"];
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
        Messages: string[];
        /**
         * @description The answer every iService API shares; empty arrays mean success.
         * @example {
         *       "errors": [],
         *       "errorDetails": []
         *     }
         */
        Envelope: {
            errors: components["schemas"]["Messages"];
            errorDetails: components["schemas"]["Messages"];
        };
        /** @description A failure; both arrays are non-empty. */
        ErrorEnvelope: {
            errors: string[];
            errorDetails: string[];
        };
        /** @description Whatever api of the login form is called; `api=login` needs `LoginRequest`, the others no body. */
        LoginFormBody: Record<string, never>;
        LoginRequest: {
            emailAddress: string;
            Password: string;
        };
        /**
         * @description The user types the sandbox emulates (iService tenants may define more).
         * @enum {unknown}
         */
        UserType: "Agent" | "Customer";
        LoggedIn: {
            /** @constant */
            isLoggedIn: true;
            contactID: components["schemas"]["ContactID"];
            name: string;
            emailAddress: string;
            userType: components["schemas"]["UserType"];
            /** @description Ids of the segments the user has access to (none for customers). */
            segments: components["schemas"]["SegmentID"][];
        } | {
            /** @constant */
            isLoggedIn: false;
        };
        LoginResponse: {
            errors: components["schemas"]["Messages"];
            errorDetails: components["schemas"]["Messages"];
            loggedIn: components["schemas"]["LoggedIn"];
        };
        /** @description Whatever api of the customer-info form is called; checked against the api's own schema after dispatch. */
        CustinfoBody: Record<string, never>;
        ContactID: number;
        /** @description A number, as the seed sends it; a numeric string is accepted too (docs/vendors/iservice.md S-4). */
        ContactIDInput: components["schemas"]["ContactID"] | string;
        SegmentID: string;
        PropertyValue: {
            value: string;
        };
        Property: {
            propertyID: string;
            propertyName?: string;
            values: components["schemas"]["PropertyValue"][];
        };
        /** @description blank, email, bounced or Google, compared without regard to case and stored as sent (docs/vendors/iservice.md S-3). */
        LoginType: string;
        Login: {
            name: string;
            type: components["schemas"]["LoginType"];
        };
        /** @description An object, not the array the seed's `details[]` notation suggests (docs/vendors/iservice.md S-1). */
        DetailsInput: {
            properties: components["schemas"]["Property"][];
            /** @description Logins are only replaced when true (docs/vendors/iservice.md S-8). */
            setLogins?: boolean;
            logins?: components["schemas"]["Login"][];
        };
        Membership: components["schemas"]["SegmentID"][];
        SetDetailsRequest: {
            contactID: components["schemas"]["ContactIDInput"];
            details: components["schemas"]["DetailsInput"];
            /** @description The complete membership the form shows; absent leaves membership unchanged (suggested). */
            membership?: components["schemas"]["Membership"];
        };
        DetailsRequest: {
            contactID: components["schemas"]["ContactIDInput"];
        };
        NewContactRequest: {
            details: components["schemas"]["DetailsInput"];
            membership?: components["schemas"]["Membership"];
        };
        StoredProperty: {
            propertyID: string;
            propertyName: string;
            values: {
                value: string;
            }[];
        };
        StoredLogin: {
            name: string;
            type: components["schemas"]["LoginType"];
        };
        /** @description api=details (suggested shape, mirroring the setdetails input; docs/vendors/iservice.md §5.3). */
        DetailsResponse: {
            errors: unknown[];
            errorDetails: unknown[];
            contactID: components["schemas"]["ContactID"];
            details: {
                properties: components["schemas"]["StoredProperty"][];
                logins: components["schemas"]["StoredLogin"][];
            };
            membership: components["schemas"]["Membership"];
        };
        NewContactResponse: {
            errors: unknown[];
            errorDetails: unknown[];
            contactID: string;
        };
        /** @description A contact as the sandbox's fixtures hold it (every property of the tenant's form, in form order). */
        Contact: {
            contactID: components["schemas"]["ContactID"];
            properties: components["schemas"]["StoredProperty"][];
            logins: components["schemas"]["StoredLogin"][];
            membership: components["schemas"]["Membership"];
        };
        /** @description A contact property of the tenant, as the fixtures hold it. */
        PropertyDefinition: {
            propertyID: string;
            propertyName: string;
        };
        Segment: {
            segmentID: components["schemas"]["SegmentID"];
            name: string;
        };
        /** @description A user as the fixtures hold it; it logs in with any email login of its contact. */
        User: {
            contactID: components["schemas"]["ContactID"];
            password: string;
            userType: components["schemas"]["UserType"];
            /** @description Segments an agent has access to; empty for customers. */
            segments: components["schemas"]["SegmentID"][];
        };
    };
    responses: {
        /** @description No valid session, when the `notLoggedInStatus` setting is 401 (suggested; the default answers 200 with the same body). */
        NotLoggedIn: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"] & {
                    /** @constant */
                    errors?: [
                        "You must be logged in."
                    ];
                };
            };
        };
        /** @description A method other than POST, when the `methodNotAllowedStatus` setting is 405 (suggested; the default answers 200 with the same body); carries Allow. */
        MethodNotAllowed: {
            headers: {
                Allow: "POST";
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"] & {
                    /** @constant */
                    errors?: [
                        "Method not allowed."
                    ];
                };
            };
        };
        /** @description A path under /f that is not an emulated form (suggested). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"] & {
                    /** @constant */
                    errors?: [
                        "Unknown form."
                    ];
                };
            };
        };
        /** @description A body over the sandbox's size limit (suggested). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"] & {
                    /** @constant */
                    errors?: [
                        "The request is too large."
                    ];
                };
            };
        };
        /** @description A compressed request body (suggested; bodies of any content type are otherwise read as JSON or form fields). */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"] & {
                    /** @constant */
                    errors?: [
                        "Unsupported media type."
                    ];
                };
            };
        };
        /** @description An unexpected failure (suggested text); scenario iservice/server-error forces it. */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"] & {
                    /** @constant */
                    errors?: [
                        "An unexpected error occurred."
                    ];
                };
            };
        };
    };
    parameters: {
        /** @description The session id from `api=login` (32 lower-case hex characters), or a preset one a scenario declares. */
        sessionCookie: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    webappApiLogin: {
        parameters: {
            query: {
                /** @example login */
                api: "login" | "loggedin" | "logout";
            };
            header?: never;
            path?: never;
            cookie?: {
                /** @description The session id from `api=login` (32 lower-case hex characters), or a preset one a scenario declares. */
                SessionID?: components["parameters"]["sessionCookie"];
            };
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["LoginFormBody"];
                "application/json": components["schemas"]["LoginFormBody"];
            };
        };
        responses: {
            /**
             * @description The login state (`api=login`, `api=loggedin`), the empty envelope (`api=logout`),
             *     or an error envelope.
             */
            200: {
                headers: {
                    /** @description On a successful login, the session cookie (`SessionID=<32 hex>; Path=/; HttpOnly; SameSite=Lax`), and the CSRF cookie when CSRF checks are on; on logout, the session cookie cleared. */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"] | components["schemas"]["Envelope"];
                };
            };
            401: components["responses"]["NotLoggedIn"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["ServerError"];
        };
    };
    webappApiCustinfo: {
        parameters: {
            query: {
                /** @example setdetails */
                api: "setdetails" | "details" | "newcontact";
            };
            header?: {
                /** @description Only checked when the `csrf.required` setting is on (suggested, off by default; docs/vendors/iservice.md §5.1); must echo the CSRF cookie set at login. */
                "X-XSRF-TOKEN"?: string;
            };
            path?: never;
            cookie?: {
                /** @description The session id from `api=login` (32 lower-case hex characters), or a preset one a scenario declares. */
                SessionID?: components["parameters"]["sessionCookie"];
            };
        };
        /** @description A JSON object whose shape depends on `api` (see the component schemas named above). */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CustinfoBody"];
            };
        };
        responses: {
            /** @description The empty envelope (setdetails), the contact (details), the new id (newcontact), or an error envelope. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Envelope"] | components["schemas"]["DetailsResponse"] | components["schemas"]["NewContactResponse"];
                };
            };
            401: components["responses"]["NotLoggedIn"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["ServerError"];
        };
    };
}
